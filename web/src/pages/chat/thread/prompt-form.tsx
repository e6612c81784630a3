import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RenderedPrompt } from '@server/modules/prompts/schema';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { SelectField, TextArea } from '../../../components/field';
import { humanize } from '../../../components/value-view';
import type { LibraryPrompt, PromptArgument } from './prompt-types';

/** A prompt's arguments as a small form; "Insert" renders the template and hands its text back. */
export function PromptForm({
  promptId,
  onBack,
  onInsert,
}: {
  promptId: string;
  onBack: () => void;
  onInsert: (text: string) => void;
}) {
  const prompt = useQuery({
    queryKey: ['prompts', promptId],
    queryFn: () => api<LibraryPrompt>(`/api/v1/prompts/${encodeURIComponent(promptId)}`),
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const render = useMutation({
    mutationFn: (args: Record<string, string>) =>
      api<RenderedPrompt>(`/api/v1/prompts/${encodeURIComponent(promptId)}/render`, {
        method: 'POST',
        body: { arguments: args },
      }),
    onSuccess: (result) => onInsert(result.text),
  });

  if (prompt.isPending) return <Spinner label="Loading the prompt" />;
  if (prompt.isError)
    return (
      <div className="space-y-3">
        <ErrorNotice error={prompt.error} />
        <Button onClick={onBack}>Back to the prompts</Button>
      </div>
    );

  // A required choice starts on its first option, as the select shows it.
  const value = (argument: PromptArgument) =>
    values[argument.name] ?? argument.default ?? (argument.required ? (argument.enum?.[0] ?? '') : '');
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const filled = Object.fromEntries(
          prompt.data.arguments
            .map((argument) => [argument.name, value(argument)])
            .filter(([, text]) => text !== ''),
        );
        render.mutate(filled);
      }}
    >
      <div>
        <h3 className="font-semibold">{prompt.data.title ?? prompt.data.name}</h3>
        {prompt.data.description && (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{prompt.data.description}</p>
        )}
      </div>
      {prompt.data.arguments.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">This prompt has nothing to fill in.</p>
      )}
      {prompt.data.arguments.map((argument) => {
        const label = `${humanize(argument.name)}${argument.required ? ' (required)' : ''}`;
        const change = (text: string) => setValues({ ...values, [argument.name]: text });
        return argument.enum ? (
          <SelectField
            key={argument.name}
            label={label}
            hint={argument.description}
            required={argument.required}
            value={value(argument)}
            onChange={(event) => change(event.target.value)}
          >
            {!argument.required && <option value="">—</option>}
            {argument.enum.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </SelectField>
        ) : (
          <TextArea
            key={argument.name}
            label={label}
            hint={argument.description}
            required={argument.required}
            rows={2}
            value={value(argument)}
            onChange={(event) => change(event.target.value)}
          />
        );
      })}
      <ErrorNotice error={render.error} />
      <div className="flex justify-between gap-2">
        <Button onClick={onBack}>Other prompts</Button>
        <Button type="submit" variant="primary" disabled={render.isPending}>
          Insert
        </Button>
      </div>
    </form>
  );
}
