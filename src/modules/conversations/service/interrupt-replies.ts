import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import '../events.js';
import { messages } from '../table.js';

type Deps = { db: Database; clock: Clock; bus: EventBus };

/**
 * Replies to interrupt: these ones, and every assistant reply streaming in these conversations (a
 * chat claim lost before it named its reply).
 */
export interface RepliesToInterrupt {
  messageIds: string[];
  conversationIds?: string[];
}

/**
 * Marks replies still `streaming` but untouched since `before` as interrupted (the process writing
 * them is gone) and announces each as completed; returns how many. System use: at startup and hourly.
 */
export async function interruptStale(deps: Deps, { before }: { before: Date }): Promise<number> {
  const rows = await markInterrupted(deps.db, deps.clock, lt(messages.updatedAt, before));
  await announce(deps.bus, rows);
  return rows.length;
}

/**
 * Marks these replies interrupted if they are still `streaming` (the instance writing them lost its
 * claim) and announces each as completed; answers their ids. System use: the chat's lease sweep.
 * `pick` may be a function: it runs in the same transaction as the update (the chat removes the
 * expired claims there, so a claim is never gone while its reply is left streaming). The news goes
 * out after the commit.
 */
export async function interruptReplies(
  deps: Deps,
  pick: RepliesToInterrupt | ((tx: Database) => Promise<RepliesToInterrupt>),
): Promise<string[]> {
  const rows = await deps.db.transaction(async (tx) => {
    const { messageIds, conversationIds = [] } = typeof pick === 'function' ? await pick(tx) : pick;
    if (messageIds.length === 0 && conversationIds.length === 0) return [];
    // inArray of no values is `false`.
    const byId = inArray(messages.id, messageIds);
    const inConversations = and(
      eq(messages.role, 'assistant'),
      inArray(messages.conversationId, conversationIds),
    );
    return markInterrupted(tx, deps.clock, sql`(${byId} or ${inConversations})`);
  });
  await announce(deps.bus, rows);
  return rows.map((row) => row.id);
}

type Interrupted = { id: string; conversationId: string; ownerId: string };

function markInterrupted(db: Database, clock: Clock, condition: SQL): Promise<Interrupted[]> {
  return db
    .update(messages)
    .set({ status: 'interrupted', updatedAt: clock.now() })
    .where(and(eq(messages.status, 'streaming'), condition))
    .returning({ id: messages.id, conversationId: messages.conversationId, ownerId: messages.ownerId });
}

async function announce(bus: EventBus, rows: Interrupted[]) {
  for (const row of rows) {
    await bus.publish(systemActor, 'message.completed', {
      conversation_id: row.conversationId,
      message_id: row.id,
      status: 'interrupted',
      owner_id: row.ownerId,
    });
  }
}
