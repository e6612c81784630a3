import type { Actor } from '../../../actor.js';
import type { ExportFile } from '../schema.js';
import type { ImportLog } from './import-log.js';
import type { PortabilityPorts } from './ports.js';

/**
 * Each memory as a new one of the actor's; an agent's memory goes to the agent as imported (the
 * map from the file's agent ids). The same fact already kept in that scope is skipped.
 */
export async function importMemories(
  { memories }: Pick<PortabilityPorts, 'memories'>,
  actor: Actor,
  { items, agentIds, log }: { items: ExportFile['memories']; agentIds: Map<string, string>; log: ImportLog },
): Promise<void> {
  for (const item of items) {
    const scopeId = item.scope === 'agent' ? (agentIds.get(item.scope_id) ?? item.scope_id) : item.scope_id;
    const { memory, created } = await memories.importMemory(actor, { ...item, scope_id: scopeId });
    if (!created) {
      log.skipped('memories', {
        exported_id: item.id,
        name: item.text,
        code: 'ALREADY_THERE',
        reason: `You already have this memory (${memory.id})`,
      });
      continue;
    }
    log.created(
      'memories',
      { exported_id: item.id, id: memory.id, name: memory.text, renamed_from: null },
      () => memories.forget(actor, memory.id),
    );
  }
}
