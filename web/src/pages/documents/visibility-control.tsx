import { api } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { SelectField } from '../../components/field';
import { documentPath, type DocumentWithText, useDocumentMutation, type Visibility } from './document-api';

/** Who may read the document: only the owner, or every user of this Switchboard. */
export function VisibilityControl({ document }: { document: DocumentWithText }) {
  const change = useDocumentMutation((visibility: Visibility) =>
    api(documentPath(document.id), { method: 'PATCH', body: { visibility } }),
  );
  if (!document.mine)
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Shared with you by its owner (read only).
      </p>
    );
  return (
    <div className="flex flex-col gap-2">
      <SelectField
        label="Visibility"
        value={change.isPending ? change.variables : document.visibility}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value as Visibility)}
        hint={
          document.visibility === 'shared'
            ? 'Every user of this Switchboard can read it; only you change it.'
            : 'Only you (and your assistant) can read it.'
        }
      >
        <option value="private">Private</option>
        <option value="shared">Shared with everyone here</option>
      </SelectField>
      <ErrorNotice error={change.error} />
    </div>
  );
}
