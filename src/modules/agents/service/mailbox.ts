import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { EventBus } from '../../../bus/event-bus.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { Engine } from '../../../engine/index.js';
import type { Logger } from '../../../logger.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { validatorFor } from '../../workflows/index.js';
import type { AgentDirectory } from '../mailbox/directory.js';
import {
  AgentMessageNotDeadError,
  AgentMessageNotDeliveredError,
  AgentMessageNotFoundError,
  AgentMessagePayloadError,
  MailboxUnavailableError,
} from '../mailbox/errors.js';
import { claimMessages, type Mailbox, toAgentMessageView } from '../mailbox/rows.js';
import {
  type AgentMessagePage,
  type AgentMessageView,
  type ListAgentMessagesQuery,
  listAgentMessagesQuerySchema,
  maxPayloadBytes,
  type ReceiveAgentMessagesBody,
  receiveAgentMessagesBodySchema,
  type SendAgentMessageBody,
} from '../mailbox/schema.js';
import { messageEventData, registerMessageWatch, wakeWatch, watchId } from '../mailbox/watch.js';
import { type AgentMessageRow, agentMessages } from '../table.js';
import { actorFacts, addFacts, inSpan } from '../../../telemetry/spans.js';

/** Whose mailbox: an agent's (any of its runs may take the message) or one agent run's. */
export type MailboxAddress = { agent: string } | { run_id: string };

export interface MailboxDeps extends ServiceDeps {
  bus: EventBus;
  engine: Engine | undefined;
  directory: AgentDirectory;
  logger: Logger;
  settings: { maxAttempts: number; ackTimeoutMs: number };
}

/** How often a waiting receive reads its mailbox again when no event woke it. */
const receivePollMs = 1000;

/**
 * Messages between agents: a durable mailbox per agent and per agent run, owned by the user whose
 * agents talk (another user's messages, agents and runs are not found). Send stores the row and
 * starts its watch (a DBOS workflow); receive leases messages for the ack timeout; an
 * unacknowledged one is redelivered after a backoff and, after `max_attempts`, is dead: listed in
 * the dead letters, where its owner can replay it.
 */
export function createMailboxService(deps: MailboxDeps) {
  const { db, clock, ids, bus, engine, directory, logger, settings } = deps;
  const watch = engine ? registerMessageWatch({ db, bus, ackTimeoutMs: settings.ackTimeoutMs }) : undefined;

  async function resolve(
    actor: Actor,
    address: MailboxAddress,
  ): Promise<Mailbox & { agent?: Awaited<ReturnType<AgentDirectory['agent']>> }> {
    const { userId } = requireUser(actor);
    if ('run_id' in address) {
      const run = await directory.run(actor, address.run_id);
      return { ownerId: userId, agentId: run.agent_id, runId: run.id };
    }
    const agent = await directory.agent(actor, address.agent);
    return { ownerId: userId, agentId: agent.id, runId: null, agent };
  }

  async function checkPayload(
    actor: Actor,
    agentId: string,
    agent: Awaited<ReturnType<AgentDirectory['agent']>> | undefined,
    body: SendAgentMessageBody,
  ) {
    if (Buffer.byteLength(JSON.stringify(body.payload)) > maxPayloadBytes)
      throw new AgentMessagePayloadError(`The payload is over ${maxPayloadBytes / 1024} KB of JSON`);
    if (!body.capability) return;
    const receiver = agent ?? (await directory.agent(actor, agentId));
    const capability = receiver.capabilities.find((each) => each.name === body.capability);
    if (!capability)
      throw new AgentMessagePayloadError(`The agent has no capability "${body.capability}"`, 'capability');
    if (!capability.input_schema) return;
    const result = validatorFor(capability.input_schema)(body.payload);
    if (!result.valid)
      throw new AgentMessagePayloadError(
        `The payload does not fit ${capability.name}: ${result.errorMessage}`,
      );
  }

  async function loadOwned(actor: Actor, messageId: string): Promise<AgentMessageRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(agentMessages)
      .where(and(eq(agentMessages.id, messageId), eq(agentMessages.ownerId, userId)));
    if (!row) throw new AgentMessageNotFoundError(messageId);
    return row;
  }

  async function startWatch(row: AgentMessageRow) {
    if (!watch) throw new MailboxUnavailableError();
    await DBOS.startWorkflow(watch, { workflowID: watchId(row) })(row.id);
  }

  /** Leases what is waiting now; with a timeout, waits for a first message (woken by events). */
  async function receiveInto(mailbox: Mailbox, limit: number, timeoutMs: number): Promise<AgentMessageRow[]> {
    const deadline = Date.now() + timeoutMs;
    let wake: (() => void) | undefined;
    const unsubscribe = timeoutMs > 0 ? bus.subscribe('agent.message.*', () => wake?.()) : () => {};
    try {
      for (;;) {
        const claimed = await claimMessages(db, { mailbox, limit, leaseMs: settings.ackTimeoutMs });
        if (claimed.length > 0 || Date.now() >= deadline) return claimed;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(receivePollMs, Math.max(deadline - Date.now(), 0)));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      unsubscribe();
    }
  }

  async function page(conditions: SQL[], query: ListAgentMessagesQuery): Promise<AgentMessagePage> {
    const { status, limit, cursor } = listAgentMessagesQuerySchema.parse(query);
    if (status !== 'all') conditions.push(eq(agentMessages.status, status));
    if (cursor) conditions.push(lt(agentMessages.id, cursorPosition(cursor)));
    const rows = await db
      .select()
      .from(agentMessages)
      .where(and(...conditions))
      .orderBy(desc(agentMessages.id))
      .limit(limit + 1);
    const result = pageFrom(rows, limit, toAgentMessageView);
    return { items: result.items, next_cursor: result.nextCursor };
  }

  return {
    /** Sends a message to an agent's or a run's mailbox; the payload is checked as described. */
    async send(actor: Actor, address: MailboxAddress, body: SendAgentMessageBody): Promise<AgentMessageView> {
      return inSpan('agent.message.send', actorFacts(actor), async (span) => {
        const mailbox = await resolve(actor, address);
        if (!watch) throw new MailboxUnavailableError();
        await checkPayload(actor, mailbox.agentId, mailbox.agent, body);
        if (body.from_agent_id) await directory.agent(actor, body.from_agent_id);
        if (body.from_run_id) await directory.run(actor, body.from_run_id);
        const now = clock.now();
        const [row] = await db
          .insert(agentMessages)
          .values({
            id: ids(),
            ownerId: mailbox.ownerId,
            toAgentId: mailbox.agentId,
            toRunId: mailbox.runId,
            fromAgentId: body.from_agent_id ?? null,
            fromRunId: body.from_run_id ?? null,
            correlationId: body.correlation_id ?? null,
            replyTo: body.reply_to ?? null,
            capability: body.capability ?? null,
            payload: body.payload,
            status: 'pending',
            maxAttempts: body.max_attempts ?? settings.maxAttempts,
            visibleAt: sql`now()`,
            createdAt: now,
          })
          .returning();
        if (!row) throw new Error('The message was not stored');
        addFacts(span, {
          messageId: row.id,
          agentId: row.toAgentId ?? undefined,
          agentRunId: row.toRunId ?? undefined,
        });
        await startWatch(row);
        await bus.publish(actor, 'agent.message.sent', messageEventData(row));
        return toAgentMessageView(row);
      });
    },

    /**
     * Takes up to `limit` waiting messages, oldest first, each leased to the caller until the ack
     * timeout; waits up to `timeout_ms` for a first one when none is waiting.
     */
    async receive(actor: Actor, address: MailboxAddress, body: ReceiveAgentMessagesBody = {}) {
      const mailbox = await resolve(actor, address);
      const { limit, timeout_ms } = receiveAgentMessagesBodySchema.parse(body);
      const claimed = await receiveInto(mailbox, limit, timeout_ms);
      if (engine) await Promise.all(claimed.map((row) => wakeWatch(row, logger)));
      return { items: claimed.map(toAgentMessageView) };
    },

    /** Acknowledges a received message: it is done and not delivered again. A repeat is harmless. */
    async ack(actor: Actor, messageId: string, address?: MailboxAddress): Promise<AgentMessageView> {
      return inSpan('agent.message.ack', { ...actorFacts(actor), messageId }, async () => {
        const current = await loadOwned(actor, messageId);
        if (address) await checkAddressed(actor, address, current);
        if (current.status === 'acked') return toAgentMessageView(current);
        const [acked] = await db
          .update(agentMessages)
          .set({ status: 'acked', ackedAt: clock.now(), leaseUntil: null })
          .where(and(eq(agentMessages.id, messageId), eq(agentMessages.status, 'delivered')))
          .returning();
        if (!acked) throw new AgentMessageNotDeliveredError((await loadOwned(actor, messageId)).status);
        if (engine) await wakeWatch(acked, logger);
        await bus.publish(actor, 'agent.message.acked', messageEventData(acked));
        return toAgentMessageView(acked);
      });
    },

    async get(actor: Actor, messageId: string, address?: MailboxAddress): Promise<AgentMessageView> {
      const row = await loadOwned(actor, messageId);
      if (address) await checkAddressed(actor, address, row);
      return toAgentMessageView(row);
    },

    /** A mailbox's messages, newest first, in any state (what a person inspects). */
    async list(actor: Actor, address: MailboxAddress, query: ListAgentMessagesQuery = {}) {
      const mailbox = await resolve(actor, address);
      return page(
        [
          eq(agentMessages.ownerId, mailbox.ownerId),
          eq(agentMessages.toAgentId, mailbox.agentId),
          mailbox.runId === null
            ? sql`${agentMessages.toRunId} is null`
            : eq(agentMessages.toRunId, mailbox.runId),
        ],
        query,
      );
    },

    /** The actor's dead letters, newest first. */
    async deadLetters(actor: Actor, query: Omit<ListAgentMessagesQuery, 'status'> = {}) {
      const { userId } = requireUser(actor);
      return page([eq(agentMessages.ownerId, userId)], { ...query, status: 'dead' });
    },

    /** Puts a dead letter back in its mailbox with its attempts reset, watched again. */
    async replay(actor: Actor, messageId: string): Promise<AgentMessageView> {
      const current = await loadOwned(actor, messageId);
      if (!watch) throw new MailboxUnavailableError();
      if (current.status !== 'dead') throw new AgentMessageNotDeadError(current.status);
      const [replayed] = await db
        .update(agentMessages)
        .set({
          status: 'pending',
          attempts: 0,
          replays: sql`${agentMessages.replays} + 1`,
          visibleAt: sql`now()`,
          deadAt: null,
          deliveredAt: null,
        })
        .where(and(eq(agentMessages.id, messageId), eq(agentMessages.status, 'dead')))
        .returning();
      if (!replayed) throw new AgentMessageNotDeadError((await loadOwned(actor, messageId)).status);
      await startWatch(replayed);
      await bus.publish(actor, 'agent.message.redelivered', {
        ...messageEventData(replayed),
        visible_at: replayed.visibleAt.toISOString(),
        replayed: true,
      });
      return toAgentMessageView(replayed);
    },
  };

  /** A message reached through a mailbox's route must be in that mailbox. */
  async function checkAddressed(actor: Actor, address: MailboxAddress, row: AgentMessageRow) {
    const mailbox = await resolve(actor, address);
    const inMailbox = row.toAgentId === mailbox.agentId && row.toRunId === mailbox.runId;
    if (!inMailbox) throw new AgentMessageNotFoundError(row.id);
  }
}
export type MailboxService = ReturnType<typeof createMailboxService>;
