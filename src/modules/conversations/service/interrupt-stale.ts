import { and, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import '../events.js';
import { messages } from '../table.js';

type Deps = { db: Database; clock: Clock; bus: EventBus };

/**
 * Marks replies still `streaming` but untouched since `before` as interrupted (the process writing
 * them is gone) and announces each as completed; returns how many. System use: at startup and hourly.
 */
export function interruptStale(deps: Deps, { before }: { before: Date }): Promise<number> {
  return interruptStreaming(deps, lt(messages.updatedAt, before));
}

/**
 * Marks these replies interrupted if they are still `streaming` (the instance writing them lost its
 * claim) and announces each as completed; returns how many. System use: the chat's lease sweep.
 */
export function interruptReplies(deps: Deps, { messageIds }: { messageIds: string[] }): Promise<number> {
  if (messageIds.length === 0) return Promise.resolve(0);
  return interruptStreaming(deps, inArray(messages.id, messageIds));
}

async function interruptStreaming({ db, clock, bus }: Deps, condition: SQL): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ status: 'interrupted', updatedAt: clock.now() })
    .where(and(eq(messages.status, 'streaming'), condition))
    .returning({ id: messages.id, conversationId: messages.conversationId, ownerId: messages.ownerId });
  for (const row of rows) {
    await bus.publish(systemActor, 'message.completed', {
      conversation_id: row.conversationId,
      message_id: row.id,
      status: 'interrupted',
      owner_id: row.ownerId,
    });
  }
  return rows.length;
}
