import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';
import { Icon } from '../../../layout/icons';
import type { PromptArgument } from '../prompt-api';

/** The template's argument definitions as editable rows, with an offer to declare names the template uses. */
export function ArgumentRows({
  arguments: rows,
  undeclared,
  onChange,
  errorFor,
}: {
  arguments: PromptArgument[];
  undeclared: string[];
  onChange: (rows: PromptArgument[]) => void;
  errorFor: (index: number) => string | undefined;
}) {
  const update = (index: number, fields: Partial<PromptArgument>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...fields } : row)));
  const add = (...names: string[]) => onChange([...rows, ...names.map((name) => ({ name, required: true }))]);

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">Arguments</legend>
      {undeclared.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100">
          <span>The template uses {undeclared.map((name) => `“${name}”`).join(', ')}, not declared yet.</span>
          <Button size="sm" onClick={() => add(...undeclared)}>
            Add {undeclared.length > 1 ? 'them' : 'it'}
          </Button>
        </div>
      )}
      {rows.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No arguments: the template is used as it is.
        </p>
      )}
      {rows.map((row, index) => (
        <div
          key={index}
          role="group"
          aria-label={`Argument ${index + 1}`}
          className="grid gap-2 rounded-md border border-neutral-200 p-3 sm:grid-cols-[10rem_1fr_auto] dark:border-neutral-800"
        >
          <TextField
            label="Argument name"
            value={row.name}
            onChange={(event) => update(index, { name: event.target.value })}
            className="font-mono"
            error={errorFor(index)}
          />
          <TextField
            label="Argument description"
            value={row.description ?? ''}
            onChange={(event) => update(index, { description: event.target.value })}
          />
          <div className="flex items-end gap-2 pb-2">
            <label className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={row.required}
                onChange={(event) => update(index, { required: event.target.checked })}
              />
              Required
            </label>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove argument ${row.name || index + 1}`}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              <Icon name="trash" className="size-4" />
            </Button>
          </div>
          {!row.required && (
            <div className="sm:col-span-3">
              <TextField
                label="Default value"
                value={row.default ?? ''}
                onChange={(event) => update(index, { default: event.target.value })}
                hint="Used when the argument is not given."
              />
            </div>
          )}
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => add('')}>
          <Icon name="plus" className="size-4" />
          Add argument
        </Button>
      </div>
    </fieldset>
  );
}
