import { useState } from 'react';
import type { Memory } from '../../api/memory-types';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { Time } from '../../components/time';
import { parseTags, useMemoryMutations } from './memory-api';

const sourceWords = {
  message: 'from a chat',
  document: 'from a document',
  run: 'from a run',
  manual: 'written by hand',
};

/** One memory: its fact, tags and importance, how often it was recalled; edit, archive or forget it. */
export function MemoryRow({ memory, score }: { memory: Memory; score?: number }) {
  const { update, archive, forget } = useMemoryMutations();
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="py-3">
        <form
          aria-label={`Change memory ${memory.id}`}
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            update.mutate(
              {
                id: memory.id,
                text: String(data.get('text') ?? '').trim(),
                tags: parseTags(String(data.get('tags') ?? '')),
                importance: Number(data.get('importance')),
              },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <TextField label="Fact" name="text" defaultValue={memory.text} required className="min-w-72" />
          <TextField label="Tags" name="tags" defaultValue={memory.tags.join(', ')} />
          <SelectField label="Importance" name="importance" defaultValue={String(memory.importance)}>
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            Save
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
          <ErrorNotice error={update.error} className="w-full" />
        </form>
      </li>
    );
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-1 py-3">
      <div className="min-w-64 flex-1">
        <p className={memory.archived_at ? 'text-neutral-500 line-through decoration-neutral-400' : ''}>
          {memory.text}
        </p>
        <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-neutral-600 dark:text-neutral-400">
          <span>importance {memory.importance}</span>
          {memory.tags.length > 0 && <span>{memory.tags.map((tag) => `#${tag}`).join(' ')}</span>}
          <span>{sourceWords[memory.source.kind]}</span>
          <span>
            recalled {memory.used_count} {memory.used_count === 1 ? 'time' : 'times'}
            {memory.last_used_at && (
              <>
                , last <Time value={memory.last_used_at} relativeToNow />
              </>
            )}
          </span>
          {memory.archived_at && <span>archived</span>}
          {score !== undefined && <span>relevance {score.toFixed(2)}</span>}
        </p>
      </div>
      <span className="flex gap-1">
        <Button size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button
          size="sm"
          disabled={archive.isPending}
          onClick={() => archive.mutate({ id: memory.id, archived: memory.archived_at === null })}
        >
          {memory.archived_at ? 'Unarchive' : 'Archive'}
        </Button>
        <Button
          size="sm"
          variant="danger"
          disabled={forget.isPending}
          onClick={() => forget.mutate(memory.id)}
        >
          Forget
        </Button>
      </span>
      <ErrorNotice error={archive.error ?? forget.error} className="w-full" />
    </li>
  );
}
