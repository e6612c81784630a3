import type { ToolInfo } from '../../tools/tool-api';
import { groupByToolset } from '../../tools/tool-api';
import { idBaseOf, kindTemplate, type PaletteKind, paletteSteps, type StepTemplate } from './designer';

/** One thing the palette offers: its label, a line about it, and the step it adds. */
export interface PaletteEntry {
  key: string;
  label: string;
  detail?: string;
  template: StepTemplate;
}

export interface PaletteGroup {
  title: string;
  entries: PaletteEntry[];
}

const kindLabels: Partial<Record<PaletteKind, string>> = {
  wait_event: 'Wait for an event',
  foreach: 'For each',
};

/**
 * The palette: every step kind, every tool grouped by toolset, the agents and the other workflows
 * you may run. Entries whose label or detail holds `filter` (any case) only; empty groups left out.
 */
export function paletteGroups({
  tools,
  agents,
  workflows,
  filter = '',
}: {
  tools: ToolInfo[];
  agents: { name: string; description?: string }[];
  workflows: { name: string; description?: string }[];
  filter?: string;
}): PaletteGroup[] {
  const groups: PaletteGroup[] = [
    {
      title: 'Step kinds',
      entries: Object.keys(paletteSteps).map((kind) => ({
        key: `kind:${kind}`,
        label: kindLabels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1),
        template: kindTemplate(kind),
      })),
    },
    ...groupByToolset(tools).map(([toolset, members]) => ({
      title: `Tools · ${toolset}`,
      entries: members.map((tool) => ({
        key: `tool:${tool.name}`,
        label: tool.name,
        detail: tool.title,
        template: {
          step: { kind: 'tool', tool: tool.name, input: {} },
          idBase: idBaseOf(tool.name, 'tool'),
        },
      })),
    })),
    {
      title: 'Agents',
      entries: agents.map((agent) => ({
        key: `agent:${agent.name}`,
        label: agent.name,
        detail: agent.description,
        template: {
          step: { kind: 'agent', agent: agent.name, input: 'Describe the task for the agent' },
          idBase: idBaseOf(agent.name, 'agent'),
        },
      })),
    },
    {
      title: 'Workflows',
      entries: workflows.map((workflow) => ({
        key: `workflow:${workflow.name}`,
        label: workflow.name,
        detail: workflow.description,
        template: {
          step: { kind: 'workflow', workflow: workflow.name, input: {} },
          idBase: idBaseOf(workflow.name, 'workflow'),
        },
      })),
    },
  ];
  const words = filter.trim().toLowerCase();
  return groups
    .map((group) => ({
      ...group,
      entries: words
        ? group.entries.filter((entry) =>
            `${entry.label} ${entry.detail ?? ''}`.toLowerCase().includes(words),
          )
        : group.entries,
    }))
    .filter((group) => group.entries.length > 0);
}
