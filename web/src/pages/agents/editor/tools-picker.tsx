import { useQuery } from '@tanstack/react-query';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { groupByToolset, listTools, toolsKey } from '../../tools/tool-api';

/** Ticks one name in or out of the list, keeping the others' order. */
function toggled(names: string[], name: string, on: boolean): string[] {
  const without = names.filter((one) => one !== name);
  return on ? [...without, name] : without;
}

/**
 * The tools an agent may call, as checkboxes grouped by toolset (GET /api/v1/tools). Names the
 * list does not hold (another agent, a workflow, an external server's tool) stay, under "Other".
 */
export function ToolsPicker({
  value,
  onChange,
  disabled,
}: {
  value: string[];
  onChange: (tools: string[]) => void;
  disabled?: boolean;
}) {
  const tools = useQuery({
    queryKey: toolsKey,
    queryFn: ({ signal }) => listTools(signal),
    staleTime: 60_000,
  });
  if (tools.isPending) return <Spinner label="Loading tools" />;
  if (tools.isError) return <ErrorNotice error={tools.error} />;
  const known = new Set(tools.data.items.map((tool) => tool.name));
  const others = value.filter((name) => !known.has(name));
  const groups = groupByToolset(tools.data.items);
  const box = (name: string, title?: string) => (
    <label key={name} className="flex items-start gap-2 py-0.5 text-sm">
      <input
        type="checkbox"
        className="mt-1"
        checked={value.includes(name)}
        disabled={disabled}
        onChange={(event) => onChange(toggled(value, name, event.target.checked))}
      />
      <span>
        {title ?? name}{' '}
        {title && <span className="font-mono text-xs text-neutral-600 dark:text-neutral-400">{name}</span>}
      </span>
    </label>
  );
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        {value.length === 0 ? 'No tools: it only answers from its instructions.' : `${value.length} chosen.`}
      </p>
      {groups.map(([toolset, items]) => {
        const chosen = items.filter((tool) => value.includes(tool.name)).length;
        return (
          <details
            key={toolset}
            className="rounded-md border border-neutral-200 px-3 py-1 dark:border-neutral-800"
          >
            <summary className="cursor-pointer py-1 text-sm font-medium">
              {toolset}{' '}
              {chosen > 0 && <span className="text-neutral-600 dark:text-neutral-400">({chosen})</span>}
            </summary>
            <fieldset className="pb-2">
              <legend className="sr-only">{toolset}</legend>
              {items.map((tool) => box(tool.name, tool.title))}
            </fieldset>
          </details>
        );
      })}
      {others.length > 0 && (
        <fieldset className="rounded-md border border-neutral-200 px-3 py-2 dark:border-neutral-800">
          <legend className="px-1 text-sm font-medium">Other</legend>
          {others.map((name) => box(name))}
        </fieldset>
      )}
    </div>
  );
}
