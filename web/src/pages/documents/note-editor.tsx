import { useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { TextArea } from '../../components/field';
import { documentPath, type DocumentWithText, useDocumentMutation } from './document-api';

/** Edits a note's text; saving makes a new version and keeps the previous one. */
export function NoteEditor({ document, onDone }: { document: DocumentWithText; onDone: () => void }) {
  const [content, setContent] = useState(document.text);
  const save = useDocumentMutation((text: string) =>
    api(documentPath(document.id), { method: 'PATCH', body: { content: text } }),
  );
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(content, { onSuccess: onDone });
      }}
    >
      <TextArea
        label="Note text"
        rows={16}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        className="font-mono"
        hint="Saving keeps the current text as a version you can restore."
      />
      <ErrorNotice error={save.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending || content === document.text}>
          Save
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
