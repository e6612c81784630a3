import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { type Prompt, promptKeys, savePrompt } from '../prompt-api';
import { ArgumentRows } from './argument-rows';
import { draftFrom, inputFrom, type PromptDraft } from './prompt-draft';
import { TemplatePreview } from './template-preview';
import { undeclaredVariables } from './render-template';

const shownFields = /^(name|title|description|tags|visibility|template|arguments\.\d+)/;

/**
 * The prompt's form beside its live preview. Saving creates the prompt or a new version of it; an
 * error the server ties to a field is shown under that field.
 */
export function PromptEditor({
  prompt,
  previewValues,
  onPreviewValues,
}: {
  prompt?: Prompt;
  previewValues: Record<string, string>;
  onPreviewValues: (values: Record<string, string>) => void;
}) {
  const [draft, setDraft] = useState(() => draftFrom(prompt));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const readOnly = prompt !== undefined && !prompt.mine;
  const save = useMutation({
    mutationFn: () => savePrompt(prompt?.id, inputFrom(draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(promptKeys.one(saved.id), saved);
      toast({ message: prompt ? `Saved as version ${saved.version}.` : `Saved “${saved.name}”.` });
      // The new prompt's page keeps what the preview was filled with.
      if (!prompt) navigate(`/prompts/${saved.id}`, { replace: true, state: { previewValues } });
    },
  });
  const change = (fields: Partial<PromptDraft>) => setDraft((current) => ({ ...current, ...fields }));
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field === field ? save.error.message : undefined;
  const unplaced =
    save.error instanceof ApiError && shownFields.test(save.error.field ?? '') ? null : save.error;
  const undeclared = undeclaredVariables(draft.template, draft.arguments);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        aria-label="Prompt"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        {readOnly && (
          <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Read-only: this prompt is shared by someone else or comes from a file in PROMPTS_DIR. You can
            preview it and use it in chat, not change it.
          </p>
        )}
        <fieldset disabled={readOnly || save.isPending} className="flex min-w-0 flex-col gap-4">
          <legend className="sr-only">Prompt details</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Name"
              required
              value={draft.name}
              onChange={(event) => change({ name: event.target.value })}
              hint="Lowercase letters, digits, - and _; how MCP clients ask for it."
              error={fieldError('name')}
              className="font-mono"
            />
            <TextField
              label="Title"
              value={draft.title}
              onChange={(event) => change({ title: event.target.value })}
              error={fieldError('title')}
            />
          </div>
          <TextField
            label="Description"
            value={draft.description}
            onChange={(event) => change({ description: event.target.value })}
            error={fieldError('description')}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Tags"
              value={draft.tags}
              onChange={(event) => change({ tags: event.target.value })}
              hint="Separated by commas."
              error={fieldError('tags')}
            />
            <SelectField
              label="Visibility"
              value={draft.visibility}
              onChange={(event) => change({ visibility: event.target.value as PromptDraft['visibility'] })}
              error={fieldError('visibility')}
            >
              <option value="private">Private: only you</option>
              <option value="shared">Shared: everyone on this instance</option>
            </SelectField>
          </div>
          <TextArea
            label="Template"
            required
            rows={8}
            value={draft.template}
            onChange={(event) => change({ template: event.target.value })}
            hint="Mustache: {{argument}}, and {{#argument}}…{{/argument}} for text shown only when it is given."
            error={fieldError('template')}
            className="font-mono"
            spellCheck={false}
          />
          <ArgumentRows
            arguments={draft.arguments}
            undeclared={undeclared}
            onChange={(next) => change({ arguments: next })}
            errorFor={(index) =>
              save.error instanceof ApiError && save.error.field?.startsWith(`arguments.${index}`)
                ? save.error.message
                : undefined
            }
          />
          <ErrorNotice error={unplaced} />
          {!readOnly && (
            <div>
              <Button type="submit" variant="primary" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : prompt ? 'Save as a new version' : 'Save prompt'}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
      <TemplatePreview
        template={draft.template}
        declared={draft.arguments}
        values={previewValues}
        onValues={onPreviewValues}
      />
    </div>
  );
}
