import { and, eq, lt } from 'drizzle-orm';
import { systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import '../events.js';
import { messages } from '../table.js';

/**
 * Marks replies still `streaming` but untouched since `before` as interrupted (the process writing
 * them is gone) and announces each as completed; returns how many. System use: at startup and hourly.
 */
export async function interruptStale(
  { db, clock, bus }: { db: Database; clock: Clock; bus: EventBus },
  { before }: { before: Date },
): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ status: 'interrupted', updatedAt: clock.now() })
    .where(and(eq(messages.status, 'streaming'), lt(messages.updatedAt, before)))
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
