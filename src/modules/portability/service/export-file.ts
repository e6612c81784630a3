import type { Actor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import type { ExportFile, PortableContextSpace } from '../schema.js';
import { allPages, type PortabilityPorts } from './ports.js';

const pageLimit = 100;

/**
 * The actor's own data as one file. Only what they own: shared and built-in agents, others'
 * shared workflows and spaces they are a member of stay out; so do runs' own spaces (the record
 * of a run, which does not travel) and spaces' members (users of this instance).
 */
export async function buildExportFile(
  { memories, context, agents, agentFiles, workflows, clock }: PortabilityPorts & { clock: Clock },
  actor: Actor,
): Promise<ExportFile> {
  const ownAgents = await allPages((cursor) => agents.list(actor, { mine: true, limit: pageLimit, cursor }));
  const ownWorkflows = await allPages((cursor) =>
    workflows.list(actor, { mine: true, limit: pageLimit, cursor }),
  );
  return {
    format: 'switchboard.export',
    format_version: 1,
    exported_at: clock.now().toISOString(),
    memories: await memories.exportMemories(actor),
    context_spaces: await exportSpaces(context, actor),
    agents: await Promise.all(
      ownAgents
        .filter((agent) => agent.is_owner && !agent.builtin)
        .map(async (agent) => ({ id: agent.id, file: await agentFiles.exportAgent(actor, agent.id) })),
    ),
    workflows: await Promise.all(
      ownWorkflows
        .filter((workflow) => workflow.is_owner)
        .map(async (workflow) => {
          const { document } = await workflows.exportDocument(actor, workflow.id, 'json');
          return { id: workflow.id, definition: JSON.parse(document) as Record<string, unknown> };
        }),
    ),
  };
}

async function exportSpaces(
  context: PortabilityPorts['context'],
  actor: Actor,
): Promise<PortableContextSpace[]> {
  const spaces = await allPages((cursor) => context.spaces.list(actor, { limit: pageLimit, cursor }));
  const own = spaces.filter((space) => space.role === 'owner' && space.run === null);
  const exported: PortableContextSpace[] = [];
  for (const space of own.reverse()) {
    const entries = await allPages((cursor) =>
      context.entries.list(actor, space.id, { limit: pageLimit, cursor }),
    );
    exported.push({
      id: space.id,
      name: space.name,
      entries: entries.map((entry) => ({ key: entry.key, value: entry.value })),
    });
  }
  return exported;
}
