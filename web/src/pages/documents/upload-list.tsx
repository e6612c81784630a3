import { Link } from 'react-router';
import { Icon } from '../../layout/icons';
import type { Upload } from './use-uploads';

/** Each upload of this visit: a progress bar while sending, then a link, or the reason it was refused. */
export function UploadList({ uploads, onDismiss }: { uploads: Upload[]; onDismiss: (key: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul aria-label="Uploads" className="mb-4 flex flex-col gap-2">
      {uploads.map((upload) => (
        <li
          key={upload.key}
          className={`flex items-center gap-3 rounded-md border px-3 py-2 text-sm ${
            upload.state === 'failed'
              ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
              : 'border-neutral-200 dark:border-neutral-800'
          }`}
        >
          <Icon name="upload" className="size-4 shrink-0" />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{upload.name}</p>
            {upload.state === 'sending' && (
              <progress
                aria-label={`Uploading ${upload.name}`}
                value={upload.progress}
                max={1}
                className="mt-1 h-1.5 w-full accent-blue-700"
              />
            )}
            {upload.state === 'failed' && <p role="alert">{upload.error}</p>}
            {upload.state === 'done' && upload.documentId && (
              <Link to={`/documents/${upload.documentId}`}>Uploaded — open it</Link>
            )}
          </div>
          {upload.state !== 'sending' && (
            <button
              type="button"
              onClick={() => onDismiss(upload.key)}
              aria-label={`Dismiss ${upload.name}`}
              className="rounded p-1 hover:bg-neutral-100 dark:hover:bg-neutral-800"
            >
              <Icon name="close" className="size-4" />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
