import { useState } from 'react';
import type { AgentDefinitionInput } from '../../../api/agent-types';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { CapabilitiesField } from './capabilities-field';
import { InstructionsField } from './instructions-field';
import { ModelField } from './model-field';
import { ToolsPicker } from './tools-picker';

type Mode = 'form' | 'json';

/** A whole number from a field, or undefined when it is empty. */
const wholeNumber = (text: string) => (text.trim() === '' ? undefined : Math.round(Number(text)));

/** The fields of a definition, one control each (memory and context stay as they are: JSON edits them). */
function DefinitionFields({
  value,
  onChange,
  readOnly,
}: {
  value: AgentDefinitionInput;
  onChange: (definition: AgentDefinitionInput) => void;
  readOnly: boolean;
}) {
  const set = (patch: Partial<AgentDefinitionInput>) => onChange({ ...value, ...patch });
  const limits = value.limits ?? {};
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          value={value.name}
          disabled={readOnly}
          required
          hint="Lower case, digits and dashes: how tools and other agents call it."
          onChange={(event) => set({ name: event.target.value })}
        />
        <TextField
          label="Description"
          value={value.description}
          disabled={readOnly}
          required
          onChange={(event) => set({ description: event.target.value })}
        />
      </div>
      <InstructionsField
        instructions={value.instructions ?? ''}
        instructionsPrompt={value.instructions_prompt}
        disabled={readOnly}
        onChange={(change) => set(change)}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <ModelField value={value.model ?? null} disabled={readOnly} onChange={(model) => set({ model })} />
        <SelectField
          label="Visibility"
          value={value.visibility ?? 'private'}
          disabled={readOnly}
          onChange={(event) => set({ visibility: event.target.value as AgentDefinitionInput['visibility'] })}
        >
          <option value="private">Private: only you</option>
          <option value="shared">Shared: every user may run it</option>
          <option value="published">Published: also an MCP tool and an A2A agent</option>
        </SelectField>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Tools it may call</legend>
        <ToolsPicker value={value.tools ?? []} disabled={readOnly} onChange={(tools) => set({ tools })} />
      </fieldset>
      <CapabilitiesField
        value={value.capabilities ?? []}
        disabled={readOnly}
        onChange={(capabilities) => set({ capabilities })}
      />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Limits</legend>
        <TextField
          label="Model steps per run"
          type="number"
          min={1}
          max={50}
          value={limits.max_steps ?? 8}
          disabled={readOnly}
          onChange={(event) => set({ limits: { ...limits, max_steps: wholeNumber(event.target.value) } })}
        />
        <TextField
          label="Timeout (seconds)"
          type="number"
          min={1}
          max={3600}
          value={Math.round((limits.timeout_ms ?? 120_000) / 1000)}
          disabled={readOnly}
          onChange={(event) => {
            const seconds = wholeNumber(event.target.value);
            set({ limits: { ...limits, timeout_ms: seconds === undefined ? undefined : seconds * 1000 } });
          }}
        />
        <TextField
          label="Output tokens per step"
          type="number"
          min={1}
          value={limits.max_tokens ?? ''}
          placeholder="No limit"
          disabled={readOnly}
          onChange={(event) => set({ limits: { ...limits, max_tokens: wholeNumber(event.target.value) } })}
        />
      </fieldset>
    </div>
  );
}

/**
 * An agent's definition, edited in a form or as JSON (switching carries the changes over); Save
 * sends it, and the server checks it and names a wrong field.
 */
export function AgentEditor({
  initial,
  readOnly,
  saving,
  error,
  onSave,
}: {
  initial: AgentDefinitionInput;
  readOnly: boolean;
  saving: boolean;
  error: unknown;
  onSave: (definition: unknown) => void;
}) {
  const [mode, setMode] = useState<Mode>('form');
  const [definition, setDefinition] = useState<AgentDefinitionInput>(initial);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | undefined>();

  /** The JSON text as a definition, or undefined (with the reason shown) when it is not JSON. */
  const parsed = (): AgentDefinitionInput | undefined => {
    try {
      const value = JSON.parse(text) as AgentDefinitionInput;
      setParseError(undefined);
      return value;
    } catch (failure) {
      setParseError(`This is not JSON: ${(failure as Error).message}`);
      return undefined;
    }
  };
  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === 'json') setText(JSON.stringify(definition, null, 2));
    else {
      const value = parsed();
      if (!value) return;
      setDefinition(value);
    }
    setMode(next);
  };

  return (
    <form
      aria-label="Definition"
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const value = mode === 'json' ? parsed() : definition;
        if (value) onSave(value);
      }}
    >
      <div role="group" aria-label="Edit as" className="flex gap-1">
        {(['form', 'json'] as const).map((one) => (
          <Button
            key={one}
            size="sm"
            variant={mode === one ? 'primary' : 'secondary'}
            aria-pressed={mode === one}
            onClick={() => switchTo(one)}
          >
            {one === 'form' ? 'Form' : 'JSON'}
          </Button>
        ))}
      </div>
      {mode === 'form' ? (
        <DefinitionFields value={definition} onChange={setDefinition} readOnly={readOnly} />
      ) : (
        <TextArea
          label="Definition (JSON)"
          value={text}
          readOnly={readOnly}
          onChange={(event) => setText(event.target.value)}
          rows={18}
          spellCheck={false}
          className="font-mono text-sm"
          error={parseError}
        />
      )}
      <ErrorNotice error={error} />
      {!readOnly && (
        <div>
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </div>
      )}
    </form>
  );
}
