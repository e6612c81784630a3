import { Button } from '../../../components/button';
import { TextField } from '../../../components/field';

export interface Capability {
  name: string;
  description: string;
}

/** What the agent says it can do (others find it by these): a name and a sentence each. */
export function CapabilitiesField({
  value,
  onChange,
  disabled,
}: {
  value: Capability[];
  onChange: (capabilities: Capability[]) => void;
  disabled?: boolean;
}) {
  const change = (index: number, patch: Partial<Capability>) =>
    onChange(value.map((one, at) => (at === index ? { ...one, ...patch } : one)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Capabilities</legend>
      {value.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">None: add what it can do.</p>
      )}
      <ol className="flex flex-col gap-2">
        {value.map((capability, index) => (
          <li key={index} className="flex flex-wrap items-end gap-2">
            <div className="w-40">
              <TextField
                label={`Capability ${index + 1} name`}
                value={capability.name}
                disabled={disabled}
                required
                onChange={(event) => change(index, { name: event.target.value })}
              />
            </div>
            <div className="min-w-48 flex-1">
              <TextField
                label={`Capability ${index + 1} description`}
                value={capability.description}
                disabled={disabled}
                required
                onChange={(event) => change(index, { description: event.target.value })}
              />
            </div>
            {!disabled && (
              <Button
                size="sm"
                aria-label={`Remove capability ${index + 1}`}
                onClick={() => onChange(value.filter((_, at) => at !== index))}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <div>
          <Button size="sm" onClick={() => onChange([...value, { name: '', description: '' }])}>
            Add a capability
          </Button>
        </div>
      )}
    </fieldset>
  );
}
