import { useParams } from 'react-router';
import { DocumentView } from './document-view';
import { DocumentsHome } from './documents-home';

/** The Documents page: the list at /documents, one document at /documents/<id>. */
export function Component() {
  const { documentId } = useParams();
  return documentId ? <DocumentView key={documentId} id={documentId} /> : <DocumentsHome />;
}
