import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Dialog } from '../../../components/dialog';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { PromptForm } from './prompt-form';
import type { LibraryPrompt } from './prompt-types';

/**
 * "Insert a prompt": search the prompt library, pick one, fill in its arguments; the rendered text
 * goes into the composer. Opened on a given prompt by /chat?prompt=<id>.
 */
export function PromptDialog({
  open,
  initialPromptId,
  onClose,
  onInsert,
}: {
  open: boolean;
  initialPromptId: string | null;
  onClose: () => void;
  onInsert: (text: string) => void;
}) {
  return (
    <Dialog open={open} title="Insert a prompt" onClose={onClose}>
      {open && (
        <PromptPicker
          key={initialPromptId ?? ''}
          initialPromptId={initialPromptId}
          onInsert={(text) => {
            onInsert(text);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}

function PromptPicker({
  initialPromptId,
  onInsert,
}: {
  initialPromptId: string | null;
  onInsert: (text: string) => void;
}) {
  const [promptId, setPromptId] = useState(initialPromptId);
  const [query, setQuery] = useState('');
  const results = useQuery({
    queryKey: ['prompts', 'search', query.trim()],
    queryFn: () =>
      api<{ items: LibraryPrompt[] }>('/api/v1/prompts', { query: { q: query.trim(), limit: 20 } }),
    enabled: promptId === null,
  });

  if (promptId !== null)
    return <PromptForm promptId={promptId} onBack={() => setPromptId(null)} onInsert={onInsert} />;
  return (
    <div className="space-y-3">
      <TextField
        label="Search prompts"
        type="search"
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
      />
      <ErrorNotice error={results.error} />
      {results.isPending && <Spinner label="Searching prompts" />}
      {results.data?.items.length === 0 && (
        <EmptyState title={query.trim() ? 'No prompt matches.' : 'Your prompt library is empty.'}>
          Prompts are saved on the Prompts page.
        </EmptyState>
      )}
      <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
        {results.data?.items.map((prompt) => (
          <li key={prompt.id}>
            <button
              type="button"
              className="w-full rounded px-2 py-2 text-left hover:bg-neutral-100 dark:hover:bg-neutral-800"
              onClick={() => setPromptId(prompt.id)}
            >
              <span className="block font-medium">{prompt.title ?? prompt.name}</span>
              {prompt.description && (
                <span className="block text-sm text-neutral-600 dark:text-neutral-400">
                  {prompt.description}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
