import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { AgentPage } from '../../../api/agent-types';
import type { WorkflowPage } from '../../../api/workflow-types';
import { TextField } from '../../../components/field';
import { listTools, toolsKey } from '../../tools/tool-api';
import type { StepTemplate } from './designer';
import { paletteGroups } from './palette-entries';

/** The drag data type of a palette entry: its step template as JSON. */
export const stepDragType = 'application/x-switchboard-step';

/** The step template a drag carries, if it carries one. */
export function draggedTemplate(data: DataTransfer): StepTemplate | undefined {
  const text = data.getData(stepDragType);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as StepTemplate;
  } catch {
    return undefined;
  }
}

/**
 * The steps to add: every kind, every tool by toolset, your agents and workflows. Drag an entry onto
 * the graph (onto a block to put it inside, onto a step to follow it, onto the background to stand
 * alone), or press it (Enter) to add it after the selected step or into the selected block (by
 * default after the workflow's last step).
 */
export function StepPalette({
  onAdd,
  exclude,
}: {
  onAdd: (template: StepTemplate) => void;
  exclude?: string;
}) {
  const [filter, setFilter] = useState('');
  const tools = useQuery({ queryKey: toolsKey, queryFn: ({ signal }) => listTools(signal) });
  const agents = useQuery({
    queryKey: ['agents', 'list', 'palette'],
    queryFn: ({ signal }) => api<AgentPage>('/api/v1/agents', { query: { limit: 100 }, signal }),
  });
  const workflows = useQuery({
    queryKey: ['workflows', 'list', 'names'],
    queryFn: ({ signal }) => api<WorkflowPage>('/api/v1/workflows', { query: { limit: 100 }, signal }),
  });
  const groups = paletteGroups({
    tools: tools.data?.items ?? [],
    agents: agents.data?.items ?? [],
    workflows: (workflows.data?.items ?? []).filter((workflow) => workflow.name !== exclude),
    filter,
  });
  return (
    <section
      aria-labelledby="palette-title"
      className="hidden max-h-[36rem] flex-col md:flex gap-2 overflow-y-auto rounded-lg border border-neutral-200 p-2 dark:border-neutral-800"
    >
      <h3 id="palette-title" className="text-sm font-semibold">
        Steps to add
      </h3>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Drag one onto the graph: onto a block to put it inside, onto a step to follow it. Or press it: it
        follows the selected step, or the last one.
      </p>
      <TextField
        label="Filter the steps"
        hideLabel
        placeholder="Filter: tool, agent…"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {groups.map((group, index) => (
        <details key={group.title} open={index === 0 || filter !== ''} className="text-sm">
          <summary className="cursor-pointer py-1 font-medium">
            {group.title}{' '}
            <span className="text-neutral-600 dark:text-neutral-400">({group.entries.length})</span>
          </summary>
          <ul className="flex flex-col gap-1 py-1">
            {group.entries.map((entry) => (
              <li key={entry.key}>
                <button
                  type="button"
                  draggable
                  aria-label={`Add ${entry.label}${entry.detail ? `: ${entry.detail}` : ''}`}
                  data-palette-entry={entry.key}
                  className="w-full cursor-grab rounded-md border border-neutral-300 bg-white px-2 py-1 text-left hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:hover:bg-neutral-800"
                  onDragStart={(event) => {
                    event.dataTransfer.setData(stepDragType, JSON.stringify(entry.template));
                    event.dataTransfer.setData('text/plain', entry.label);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(entry.template)}
                >
                  <span className="block truncate font-mono text-xs">{entry.label}</span>
                  {entry.detail && (
                    <span className="block truncate text-xs text-neutral-600 dark:text-neutral-400">
                      {entry.detail}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
