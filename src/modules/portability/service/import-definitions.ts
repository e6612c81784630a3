import type { Actor } from '../../../actor.js';
import { isNameTaken } from '../../agents/index.js';
import type { ExportFile, PortableAgent, PortableWorkflow } from '../schema.js';
import { type ImportLog, refusalOf } from './import-log.js';
import type { PortabilityPorts } from './ports.js';
import { renameInAgent, renameInWorkflow, type Renames } from './references.js';

type Pending = { kind: 'agent'; item: PortableAgent } | { kind: 'workflow'; item: PortableWorkflow };

/**
 * Agents, then workflows, as new private ones of the actor's. A name the actor already uses gets a
 * copy named name-2, name-3 … (never a new version of theirs), and what names it in the file is
 * rewritten to the copy. A workflow may need an agent, a workflow or an agent that comes later in
 * the file: what a pass refuses is tried again while a pass makes something; what is still refused
 * after that is skipped with the last reason. Answers the file's agent ids → the new ones.
 */
export async function importDefinitions(
  ports: Pick<PortabilityPorts, 'agentFiles' | 'agents' | 'workflows'>,
  actor: Actor,
  { file, renames, log }: { file: ExportFile; renames: Renames; log: ImportLog },
): Promise<Map<string, string>> {
  const agentIds = new Map<string, string>();
  let pending: Pending[] = [
    ...file.agents.map((item) => ({ kind: 'agent' as const, item })),
    ...file.workflows.map((item) => ({ kind: 'workflow' as const, item })),
  ];
  const lastRefusal = new Map<Pending, { code: string; reason: string }>();
  for (let made = true; made && pending.length > 0;) {
    made = false;
    const refused: Pending[] = [];
    for (const next of pending) {
      try {
        if (next.kind === 'agent')
          agentIds.set(next.item.id, await importAgent(ports, actor, next.item, renames, log));
        else await importWorkflow(ports, actor, next.item, renames, log);
        made = true;
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        lastRefusal.set(next, refusal);
        refused.push(next);
      }
    }
    pending = refused;
  }
  for (const next of pending) {
    const refusal = lastRefusal.get(next) ?? { code: 'REFUSED', reason: 'Not imported' };
    const section = next.kind === 'agent' ? 'agents' : 'workflows';
    log.skipped(section, { exported_id: next.item.id, name: nameOf(next), ...refusal });
  }
  return agentIds;
}

function nameOf(next: Pending): string {
  const name = next.kind === 'agent' ? next.item.file.agent.name : next.item.definition.name;
  return typeof name === 'string' ? name : next.item.id;
}

async function importAgent(
  { agentFiles, agents }: Pick<PortabilityPorts, 'agentFiles' | 'agents'>,
  actor: Actor,
  item: PortableAgent,
  renames: Renames,
  log: ImportLog,
): Promise<string> {
  const agent = renameInAgent(item.file.agent, renames);
  const created = await agentFiles.importAgent(actor, { ...item.file, agent }, { on_conflict: 'rename' });
  const wanted = typeof agent.name === 'string' ? agent.name : created.name;
  renames.agents.set(wanted, created.name);
  renames.agents.set(item.id, created.name);
  log.created(
    'agents',
    {
      exported_id: item.id,
      id: created.id,
      name: created.name,
      renamed_from: renamedFrom(wanted, created.name),
    },
    () => agents.remove(actor, created.id),
  );
  return created.id;
}

async function importWorkflow(
  { workflows }: Pick<PortabilityPorts, 'workflows'>,
  actor: Actor,
  item: PortableWorkflow,
  renames: Renames,
  log: ImportLog,
): Promise<void> {
  const definition = renameInWorkflow(item.definition, renames);
  const wanted = typeof definition.name === 'string' ? definition.name : '';
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? wanted : `${wanted.slice(0, 60)}-${attempt}`;
    try {
      const { workflow } = await workflows.importDocument(actor, { document: { ...definition, name } });
      renames.workflows.set(wanted, workflow.name);
      renames.workflows.set(item.id, workflow.name);
      log.created(
        'workflows',
        {
          exported_id: item.id,
          id: workflow.id,
          name: workflow.name,
          renamed_from: renamedFrom(wanted, name),
        },
        () => workflows.remove(actor, workflow.id),
      );
      return;
    } catch (error) {
      if (!isNameTaken(error) || attempt >= 50) throw error;
    }
  }
}

const renamedFrom = (wanted: string, name: string) => (wanted === name ? null : wanted);
