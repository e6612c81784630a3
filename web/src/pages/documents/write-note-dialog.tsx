import type { CreateResourceInput } from '@server/modules/resources/schema';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/feedback';
import { SelectField, TextArea, TextField } from '../../components/field';
import { type DocumentSummary, useDocumentMutation } from './document-api';

type NoteType = 'text/markdown' | 'text/plain';

/** "Write a note": a title and its text, Markdown or plain; opens the note once saved. */
export function WriteNoteDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [content, setContent] = useState('');
  const [mimeType, setMimeType] = useState<NoteType>('text/markdown');
  const save = useDocumentMutation((body: CreateResourceInput) =>
    api<DocumentSummary>('/api/v1/resources', { method: 'POST', body }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { kind: 'text', name: name.trim(), content, mime_type: mimeType },
      { onSuccess: (document) => navigate(`/documents/${document.id}`) },
    );
  }

  return (
    <Dialog
      open
      title="Write a note"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="write-note" variant="primary" disabled={!name.trim() || save.isPending}>
            Save note
          </Button>
        </>
      }
    >
      <form id="write-note" onSubmit={submit} className="flex flex-col gap-3">
        <TextField
          label="Title"
          required
          maxLength={255}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextArea
          label="Text"
          rows={10}
          value={content}
          onChange={(event) => setContent(event.target.value)}
          className="font-mono"
        />
        <SelectField
          label="Format"
          value={mimeType}
          onChange={(event) => setMimeType(event.target.value as NoteType)}
        >
          <option value="text/markdown">Markdown</option>
          <option value="text/plain">Plain text</option>
        </SelectField>
        <ErrorNotice error={save.error} />
      </form>
    </Dialog>
  );
}
