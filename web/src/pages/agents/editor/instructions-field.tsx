import { useQuery } from '@tanstack/react-query';
import type { Prompt } from '@server/modules/prompts/schema';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { SelectField, TextArea } from '../../../components/field';

/** Your library's prompts (the first hundred by name), for the instructions. */
function useLibraryPrompts() {
  return useQuery({
    queryKey: ['prompts', 'for-agents'],
    queryFn: ({ signal }) => api<{ items: Prompt[] }>('/api/v1/prompts', { query: { limit: 100 }, signal }),
    staleTime: 30_000,
  });
}

/**
 * The agent's instructions (its system prompt), with a library prompt to insert into them, and a
 * library prompt that comes before them at every run (kept by name, so its new versions apply).
 */
export function InstructionsField({
  instructions,
  instructionsPrompt,
  onChange,
  disabled,
}: {
  instructions: string;
  instructionsPrompt: string | undefined;
  onChange: (change: { instructions: string; instructions_prompt: string | undefined }) => void;
  disabled?: boolean;
}) {
  const prompts = useLibraryPrompts();
  const [toInsert, setToInsert] = useState('');
  const items = prompts.data?.items ?? [];
  const chosen = items.find((prompt) => prompt.id === toInsert);
  return (
    <div className="flex flex-col gap-3">
      <TextArea
        label="Instructions"
        value={instructions}
        rows={6}
        disabled={disabled}
        hint="What it is told at the start of every run."
        onChange={(event) =>
          onChange({ instructions: event.target.value, instructions_prompt: instructionsPrompt })
        }
      />
      {!disabled && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1">
            <SelectField
              label="Insert a library prompt"
              value={toInsert}
              onChange={(event) => setToInsert(event.target.value)}
            >
              <option value="">{prompts.isPending ? 'Loading prompts…' : 'Choose a prompt'}</option>
              {items.map((prompt) => (
                <option key={prompt.id} value={prompt.id}>
                  {prompt.title ?? prompt.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Button
            disabled={!chosen}
            onClick={() => {
              if (!chosen) return;
              const joined = instructions.trim()
                ? `${instructions.trimEnd()}\n\n${chosen.template}`
                : chosen.template;
              onChange({ instructions: joined, instructions_prompt: instructionsPrompt });
              setToInsert('');
            }}
          >
            Insert
          </Button>
        </div>
      )}
      <SelectField
        label="Library prompt placed before the instructions"
        value={instructionsPrompt ?? ''}
        disabled={disabled}
        hint="Its latest version is used at each run."
        onChange={(event) => onChange({ instructions, instructions_prompt: event.target.value || undefined })}
      >
        <option value="">None</option>
        {instructionsPrompt && !items.some((prompt) => prompt.name === instructionsPrompt) && (
          <option value={instructionsPrompt}>{instructionsPrompt}</option>
        )}
        {items.map((prompt) => (
          <option key={prompt.id} value={prompt.name}>
            {prompt.title ?? prompt.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
