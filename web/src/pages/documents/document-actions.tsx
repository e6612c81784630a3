import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/feedback';
import { useToast } from '../../components/toast';
import { Icon } from '../../layout/icons';
import { documentPath, type DocumentWithText, useDocumentMutation } from './document-api';

/** Download, and for the owner: edit a note, fetch a page again, delete (after asking). */
export function DocumentActions({
  document,
  backTo,
  onEdit,
}: {
  document: DocumentWithText;
  backTo: string;
  onEdit: () => void;
}) {
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const refresh = useDocumentMutation(() =>
    api<DocumentWithText>(`${documentPath(document.id)}/refresh`, { method: 'POST' }),
  );
  const remove = useDocumentMutation(() => api(documentPath(document.id), { method: 'DELETE' }));

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <a
          href={`${documentPath(document.id)}/content`}
          download
          className="inline-flex items-center gap-1.5 rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium text-neutral-900 hover:bg-neutral-100 hover:no-underline dark:border-neutral-700 dark:text-neutral-100 dark:hover:bg-neutral-800"
        >
          <Icon name="download" className="size-4" />
          Download original
        </a>
        {document.mine && document.kind === 'text' && (
          <Button onClick={onEdit}>
            <Icon name="edit" className="size-4" />
            Edit text
          </Button>
        )}
        {document.mine && document.kind === 'url' && (
          <Button
            disabled={refresh.isPending}
            onClick={() =>
              refresh.mutate(undefined, {
                onSuccess: (fresh) =>
                  toast({
                    message:
                      fresh.version > document.version
                        ? 'The page changed: its new text is the current version'
                        : 'The page has not changed',
                  }),
              })
            }
          >
            <Icon name="refresh" className="size-4" />
            {refresh.isPending ? 'Fetching…' : 'Fetch again'}
          </Button>
        )}
        {document.mine && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            <Icon name="trash" className="size-4" />
            Delete
          </Button>
        )}
      </div>
      <ErrorNotice error={refresh.error} />
      <ConfirmDialog
        open={confirming}
        title="Delete this document?"
        confirmLabel="Delete document"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast({ message: `Deleted “${document.name}”` });
              navigate(backTo);
            },
          })
        }
      >
        <p>
          “{document.name}” and all its versions will be deleted for good. The assistant will no longer find
          it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
