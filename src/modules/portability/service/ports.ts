import type { AgentFiles, AgentsService } from '../../agents/index.js';
import type { ContextService } from '../../context/index.js';
import type { MemoryService } from '../../memory/index.js';
import type { WorkflowService } from '../../workflows/index.js';

/** What the export and import use of the other modules (their services, through their index.ts). */
export interface PortabilityPorts {
  memories: Pick<MemoryService, 'exportMemories' | 'importMemories' | 'forgetMany'>;
  context: Pick<ContextService, 'spaces' | 'entries'>;
  agents: Pick<AgentsService, 'list' | 'remove'>;
  agentFiles: Pick<AgentFiles, 'exportAgent' | 'importAgent'>;
  workflows: Pick<WorkflowService['definitions'], 'list' | 'exportDocument' | 'importDocument' | 'remove'>;
}

/** Every page of a cursor-paginated list, in order. */
export async function allPages<Item>(
  page: (cursor: string | undefined) => Promise<{ items: Item[]; next_cursor: string | null }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.next_cursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
