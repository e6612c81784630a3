import type { ModelSettingsInput } from '@server/models/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { type ModelChoices, modelIdProblem, modelsKey } from './models';

/** Edits the allowed models (add, remove) and picks the default among them; saved together. */
export function ModelSettingsForm({ choices }: { choices: ModelChoices }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [allowed, setAllowed] = useState(() => choices.models.map((model) => model.id));
  const [defaultModel, setDefaultModel] = useState(choices.default_model);
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api<ModelChoices>('/api/v1/admin/models', {
        method: 'PUT',
        body: { default_model: defaultModel, allowed_models: allowed } satisfies ModelSettingsInput,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(modelsKey, saved);
      toast({ message: 'The models are saved.' });
    },
  });
  const add = () => {
    const id = adding.trim();
    const problem = modelIdProblem(id, allowed);
    setAddError(problem);
    if (problem) return;
    setAllowed([...allowed, id]);
    setAdding('');
  };
  const remove = (id: string) => {
    const rest = allowed.filter((kept) => kept !== id);
    setAllowed(rest);
    if (defaultModel === id) setDefaultModel(rest[0] ?? '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const changed =
    defaultModel !== choices.default_model ||
    allowed.join(' ') !== choices.models.map((model) => model.id).join(' ');
  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-5">
      <SelectField
        label="Default model"
        value={defaultModel}
        onChange={(event) => setDefaultModel(event.target.value)}
        hint="New conversations use it."
      >
        {allowed.map((id) => (
          <option key={id} value={id}>
            {id === 'offline' ? 'offline (the built-in assistant)' : id}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Allowed models</legend>
        <ul aria-label="Allowed models" className="mb-3 flex flex-col gap-1">
          {allowed.map((id) => (
            <li
              key={id}
              className="flex items-center justify-between gap-2 rounded-md border border-neutral-200 px-3 py-1.5 text-sm dark:border-neutral-800"
            >
              <code>{id}</code>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${id}`}
                disabled={allowed.length === 1}
                onClick={() => remove(id)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <div className="flex items-start gap-2">
          <div className="flex-1">
            <TextField
              label="Add a model"
              placeholder="anthropic:claude-sonnet-4-5"
              value={adding}
              error={addError ?? undefined}
              hint="provider:model — openai, anthropic, ollama or openai-compatible."
              onChange={(event) => setAdding(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
          </div>
          <Button className="mt-6" onClick={add}>
            Add
          </Button>
        </div>
      </fieldset>
      <ErrorNotice error={save.error} />
      <div>
        <Button type="submit" variant="primary" disabled={!changed || save.isPending}>
          Save models
        </Button>
      </div>
    </form>
  );
}
