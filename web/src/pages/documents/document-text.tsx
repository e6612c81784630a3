import { lazy, Suspense } from 'react';
import { Spinner } from '../../components/feedback';
import { documentPath, type DocumentWithText } from './document-api';

// The chat's Markdown (GitHub flavour, highlighted code), loaded only when a Markdown document is opened.
const Markdown = lazy(() => import('../chat/thread/markdown'));

const isMarkdown = (document: DocumentWithText) =>
  document.mime_type.startsWith('text/markdown') || /\.(md|markdown)$/i.test(document.filename ?? '');

/** A document's text: Markdown rendered, anything else (plain text, a PDF's or a page's text, OCR) as written. */
export function DocumentText({ document }: { document: DocumentWithText }) {
  if (document.mime_type.startsWith('image/'))
    return (
      <div className="flex flex-col gap-3">
        <img
          src={`${documentPath(document.id)}/content?disposition=inline`}
          alt={document.description ?? document.name}
          className="max-h-[32rem] max-w-full self-start rounded-md"
        />
        {document.text.trim() && (
          <>
            <h2 className="text-sm font-semibold">Text read from the image</h2>
            <PlainText text={document.text} />
          </>
        )}
      </div>
    );
  if (!document.text.trim())
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        {document.kind === 'file'
          ? 'No text could be read from this file. Download it to see it.'
          : 'This document is empty.'}
      </p>
    );
  if (isMarkdown(document))
    return (
      <Suspense fallback={<Spinner label="Loading the document" />}>
        <Markdown text={document.text} />
      </Suspense>
    );
  return <PlainText text={document.text} />;
}

function PlainText({ text }: { text: string }) {
  return <div className="text-sm leading-relaxed break-words whitespace-pre-wrap">{text}</div>;
}
