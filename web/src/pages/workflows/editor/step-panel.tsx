import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { buildBody } from '../../tools/schema-form/form-body';
import { SchemaFieldInput } from '../../tools/schema-form/schema-field-input';
import { describeFields, type FieldValue } from '../../tools/schema-form/schema-fields';
import { listTools, toolsKey } from '../../tools/tool-api';
import { stepFields, stepFieldValues } from './step-input';
import { StepNeeds } from './step-needs';

/**
 * The selected step: the steps it waits for, Remove, and for a tool step its input in a form made
 * from the tool's input schema (the Tools page's generator); values may hold `{{ expressions }}`,
 * which text fields offer as you type. Apply writes it into the definition's JSON.
 */
export function StepPanel({
  step,
  suggestions,
  siblings,
  onApply,
  onNeeds,
  onRemove,
  onClose,
}: {
  step: Record<string, unknown>;
  /** The expressions this step may use (the run's input, earlier steps' outputs). */
  suggestions: string[];
  /** The other steps of its block. */
  siblings: string[];
  onApply: (input: Record<string, unknown>) => void;
  onNeeds: (needs: string[]) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const listId = useId();
  const tools = useQuery({ queryKey: toolsKey, queryFn: ({ signal }) => listTools(signal) });
  const input = useMemo(() => (step.input ?? {}) as Record<string, unknown>, [step.input]);
  const tool = tools.data?.items.find((candidate) => candidate.name === step.tool);
  const fields = useMemo(
    () => (tool ? stepFields(describeFields(tool.input_schema), input) : []),
    [tool, input],
  );
  const [values, setValues] = useState<Record<string, FieldValue> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = values ?? stepFieldValues(fields, input);

  return (
    <section
      aria-label={`Step ${String(step.id)}`}
      className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
    >
      <div className="mb-2 flex items-center justify-between">
        <h3 className="font-semibold">
          Step {String(step.id)}{' '}
          <span className="text-sm font-normal">· {String(step.tool ?? step.kind)}</span>
        </h3>
        <div className="flex gap-1">
          <Button size="sm" variant="danger" onClick={onRemove}>
            Remove step
          </Button>
          <Button size="sm" variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      <div className="mb-3">
        <StepNeeds
          stepId={String(step.id)}
          siblings={siblings}
          needs={Array.isArray(step.needs) ? step.needs.map(String) : []}
          onChange={onNeeds}
        />
      </div>
      {step.kind !== 'tool' ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Edit the rest of this step in the JSON.
        </p>
      ) : tools.isPending ? (
        <Spinner label="Loading the tool" />
      ) : tools.isError ? (
        <ErrorNotice error={tools.error} />
      ) : !tool ? (
        <p className="text-sm text-red-800 dark:text-red-300">There is no tool named {String(step.tool)}.</p>
      ) : (
        <form
          noValidate
          className="flex flex-col gap-3"
          aria-label={`Input of ${String(step.id)}`}
          onSubmit={(event) => {
            event.preventDefault();
            // Nothing is refused here as missing: a field with a default is "required" in the tool's
            // JSON Schema, and an empty list has no way to say "leave it to the default". Saving asks
            // the server, which checks the step's input against the tool's schema by field.
            const built = buildBody(
              fields.map((field) => ({ ...field, required: false })),
              shown,
            );
            if (!built.ok) return setErrors(built.errors);
            setErrors({});
            onApply(built.body);
          }}
        >
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            {suggestions.length > 0
              ? `Values may use ${suggestions.join(', ')}.`
              : 'Values may use {{ input.name }} or {{ steps.id.output }}.'}
          </p>
          <datalist id={listId}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
          {fields.map((field) => (
            <SchemaFieldInput
              key={field.name}
              field={field}
              value={shown[field.name] ?? field.initial}
              error={errors[field.name]}
              suggestions={listId}
              onChange={(value) => setValues({ ...shown, [field.name]: value })}
            />
          ))}
          <div>
            <Button type="submit" variant="primary" size="sm">
              Apply to the JSON
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
