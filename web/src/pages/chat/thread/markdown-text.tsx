import { lazy, Suspense } from 'react';

const Markdown = lazy(() => import('./markdown'));

/** A reply's text as Markdown; plain text until the renderer has loaded (it is loaded once). */
export function MarkdownText({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="break-words whitespace-pre-wrap">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}
