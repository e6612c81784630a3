import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { Icon } from '../../layout/icons';
import { DocumentActions } from './document-actions';
import { useDocument } from './document-api';
import { DocumentText } from './document-text';
import { formatBytes, kindLabels } from './format';
import { NoteEditor } from './note-editor';
import { VersionsPanel } from './versions-panel';
import { VisibilityControl } from './visibility-control';

/** One document: its text, facts, visibility, actions and versions. The list's search rides along in the URL. */
export function DocumentView({ id }: { id: string }) {
  const { search } = useLocation();
  const backTo = `/documents${search}`;
  const document = useDocument(id);
  const [editing, setEditing] = useState(false);

  const back = (
    <Link to={backTo} className="mb-4 inline-flex items-center gap-1 text-sm">
      <Icon name="chevronLeft" className="size-4" />
      {search ? 'Back to the results' : 'All documents'}
    </Link>
  );
  if (document.isPending)
    return (
      <div className="p-6">
        <Spinner label="Loading the document" />
      </div>
    );
  if (document.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        {back}
        {document.error instanceof ApiError && document.error.status === 404 ? (
          <EmptyState title="This document does not exist (any more)" />
        ) : (
          <ErrorNotice error={document.error} />
        )}
      </div>
    );

  const item = document.data;
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      {back}
      <header className="mb-4 flex flex-col gap-2">
        <h1 className="text-2xl font-semibold break-words">{item.name}</h1>
        {item.description && <p className="text-neutral-700 dark:text-neutral-300">{item.description}</p>}
        <p className="flex flex-wrap gap-x-3 text-sm text-neutral-600 dark:text-neutral-400">
          <span>{kindLabels[item.kind]}</span>
          <span>{item.mime_type}</span>
          <span>{formatBytes(item.size_bytes)}</span>
          <span>Version {item.version}</span>
          <span>
            Updated <Time value={item.updated_at} />
          </span>
          {item.source_url && (
            <a href={item.source_url} target="_blank" rel="noopener noreferrer" className="break-all">
              {item.source_url}
            </a>
          )}
        </p>
        <DocumentActions document={item} backTo={backTo} onEdit={() => setEditing(true)} />
      </header>
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        <article
          aria-label="Document text"
          className="min-w-0 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
        >
          {editing ? (
            <NoteEditor document={item} onDone={() => setEditing(false)} />
          ) : (
            <DocumentText document={item} />
          )}
        </article>
        <aside className="flex flex-col gap-6">
          <VisibilityControl document={item} />
          <VersionsPanel document={item} />
        </aside>
      </div>
    </div>
  );
}
