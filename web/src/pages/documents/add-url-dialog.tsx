import type { CreateResourceInput } from '@server/modules/resources/schema';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { TextField } from '../../components/field';
import { type DocumentSummary, useDocumentMutation } from './document-api';

/** "Add a web page": the server fetches the address now, so this waits and shows why it could not. */
export function AddUrlDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const add = useDocumentMutation((body: CreateResourceInput) =>
    api<DocumentSummary>('/api/v1/resources', { method: 'POST', body }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { kind: 'url', url: url.trim(), ...(name.trim() && { name: name.trim() }) },
      { onSuccess: (document) => navigate(`/documents/${document.id}`) },
    );
  }

  return (
    <Dialog
      open
      title="Add a web page"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="add-url" variant="primary" disabled={!url.trim() || add.isPending}>
            {add.isPending ? 'Fetching…' : 'Add page'}
          </Button>
        </>
      }
    >
      <form id="add-url" onSubmit={submit} className="flex flex-col gap-3">
        <TextField
          label="Address"
          type="url"
          required
          placeholder="https://example.com/article"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          hint="The page is fetched now and its readable text kept for search."
        />
        <TextField
          label="Name"
          value={name}
          placeholder="Defaults to the page title"
          onChange={(event) => setName(event.target.value)}
        />
        {add.isPending && <Spinner label="Fetching the page" />}
        <ErrorNotice error={add.error} />
      </form>
    </Dialog>
  );
}
