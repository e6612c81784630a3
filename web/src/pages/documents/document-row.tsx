import { Link } from 'react-router';
import { Time } from '../../components/time';
import type { DocumentSummary } from './document-api';
import { formatBytes, kindLabels, snippetParts } from './format';

/** One document in the list: its name (a link keeping the search), kind, size, visibility, update time, and the matching passage. */
export function DocumentRow({ document, search }: { document: DocumentSummary; search: string }) {
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Link
          to={{ pathname: `/documents/${document.id}`, search }}
          className="min-w-0 font-medium break-words"
        >
          {document.name}
        </Link>
        <span className="text-xs text-neutral-600 dark:text-neutral-400">
          Updated <Time value={document.updated_at} relativeToNow />
        </span>
      </div>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-neutral-600 dark:text-neutral-400">
        <span>{kindLabels[document.kind]}</span>
        <span>{formatBytes(document.size_bytes)}</span>
        <span>{document.visibility === 'shared' ? 'Shared' : 'Private'}</span>
        {!document.mine && <span>Shared with you</span>}
        {document.version > 1 && <span>Version {document.version}</span>}
      </p>
      {document.snippet && (
        <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          {snippetParts(document.snippet).map((part, index) =>
            part.match ? (
              <mark
                key={index}
                className="rounded bg-yellow-200 px-0.5 text-neutral-900 dark:bg-yellow-800 dark:text-neutral-50"
              >
                {part.text}
              </mark>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      )}
    </li>
  );
}
