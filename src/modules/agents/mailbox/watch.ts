import { DBOS } from '@dbos-inc/dbos-sdk';
import type { Actor } from '../../../actor.js';
import { systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';
import type { AgentMessageRow } from '../table.js';
import { expireLease, readWatchState } from './rows.js';

/** The longest the watch sleeps on DBOS.recv before it reads the row again. */
const maxRecvSeconds = 60;

/** The DBOS topic a delivery or an acknowledgement wakes a message's watch on. */
export const messageTopic = 'agent-message';

/** A message's watch workflow id: one per message and replay. */
export const watchId = (row: Pick<AgentMessageRow, 'id' | 'replays'>) =>
  `agent-message:${row.id}:${row.replays}`;

/** The event payload of a message. */
export const messageEventData = (row: AgentMessageRow) => ({
  message_id: row.id,
  owner_id: row.ownerId,
  to_agent_id: row.toAgentId,
  to_run_id: row.toRunId,
  correlation_id: row.correlationId,
  attempts: row.attempts,
});

/**
 * Registers the DBOS workflow that times a message's redelivery: it reads the row (a step) and
 * sleeps on `DBOS.recv` until the lease of a delivery runs out (or a minute, or until woken by a
 * delivery or an acknowledgement); a lease that ran out is ended by a conditional update (pending
 * again after the backoff, or dead after `max_attempts`). The row is the truth, the messages only
 * wake. It ends when the message is acknowledged or dead.
 */
export function registerMessageWatch({
  db,
  bus,
  ackTimeoutMs,
}: {
  db: Database;
  bus: EventBus;
  ackTimeoutMs: number;
}) {
  const actor: Actor = systemActor;

  async function endLease(messageId: string) {
    const row = await expireLease(db, { messageId, ackTimeoutMs });
    if (!row) return;
    if (row.status === 'dead') {
      await bus.publish(actor, 'agent.message.dead_lettered', messageEventData(row));
    } else {
      await bus.publish(actor, 'agent.message.redelivered', {
        ...messageEventData(row),
        visible_at: row.visibleAt.toISOString(),
        replayed: false,
      });
    }
  }

  return DBOS.registerWorkflow(
    async (messageId: string): Promise<string> => {
      for (;;) {
        const state = await DBOS.runStep(() => readWatchState(db, messageId), { name: 'mailbox.read' });
        if (state.kind === 'done') return state.status;
        if (state.kind === 'lease_expired') {
          await DBOS.runStep(() => endLease(messageId), { name: 'mailbox.end-lease' });
          continue;
        }
        const seconds = state.ms === null ? maxRecvSeconds : Math.min(maxRecvSeconds, state.ms / 1000);
        await DBOS.recv(messageTopic, { timeoutSeconds: Math.max(seconds, 0.05) });
      }
    },
    { name: 'agents.mailbox.watch' },
  );
}

/** Wakes a message's watch; a watch already ended (or not there) has nothing to wake. */
export async function wakeWatch(row: Pick<AgentMessageRow, 'id' | 'replays'>, logger: Logger) {
  await DBOS.send(watchId(row), 'wake', messageTopic).catch((error: unknown) =>
    logger.debug(
      { err: error, message: row.id },
      'could not wake a message watch: it reads its row within a minute',
    ),
  );
}
