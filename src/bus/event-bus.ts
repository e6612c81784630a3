import { eq, lt, sql } from 'drizzle-orm';
import { type Actor, actorUserId } from '../actor.js';
import type { Clock } from '../clock.js';
import type { DatabaseHandle } from '../db/database.js';
import type { IdGenerator } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { createBatcher } from '../db/batcher.js';
import type { AnyBusEvent, BusEvent, EventMap, EventType } from './events.js';
import { type EventHistoryQuery, queryEventHistory } from './history.js';
import { compilePattern, type EventPattern } from './pattern.js';
import { decodeRelayMessage, encodeRelayMessage, eventsChannel, sentBy } from './relay.js';
import { rowToEvent } from './rows.js';
import { events } from './table.js';
import { commitUnflushed } from '../db/commit-unflushed.js';

export type EventHandler = (event: AnyBusEvent) => void | Promise<void>;

export interface EventBusDeps {
  database: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  metrics: Metrics;
  logger: Logger;
  /** This process's id: events it relays are not delivered to it twice. */
  instanceId: string;
  retentionDays: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The event bus. `publish` stores the event, then delivers it to this process's subscribers and,
 * through Postgres NOTIFY (sent when the row commits), to every other instance on the database.
 * Subscribers never slow a publisher down: a failing subscriber is logged and the others still run.
 */
export async function createEventBus({
  database,
  clock,
  ids,
  metrics,
  logger,
  instanceId,
  retentionDays,
}: EventBusDeps) {
  const subscriptions = new Set<{ matches: (type: string) => boolean; handler: EventHandler }>();

  function deliver(event: AnyBusEvent) {
    for (const { matches, handler } of subscriptions) {
      if (!matches(event.type)) continue;
      try {
        // A synchronous handler's result is not wrapped in a promise: most subscribers are, and
        // every promise costs the engine's promise hook on Node 20 (docs/decisions.md, seventh round).
        const result: unknown = handler(event);
        if (result instanceof Promise)
          result.catch((error: unknown) =>
            logger.error({ err: error, event: event.id }, 'event subscriber failed'),
          );
      } catch (error) {
        logger.error({ err: error, event: event.id }, 'event subscriber failed');
      }
    }
  }

  async function receive(payload: string) {
    try {
      const message = decodeRelayMessage(payload);
      const event = 'event' in message ? message.event : await loadEvent(message.id);
      if (!event) return;
      metrics.eventsReceived.inc({ type: event.type });
      deliver(event);
    } catch (error) {
      logger.error({ err: error }, 'could not read an event from another instance');
    }
  }

  async function loadEvent(id: string): Promise<AnyBusEvent | undefined> {
    const [row] = await database.db.select().from(events).where(eq(events.id, id));
    return row && rowToEvent(row);
  }

  // The embedded database has one process (its lock file sees to that): nobody to relay to.
  const relays = database.kind === 'postgres';
  const unlisten = relays
    ? await database.listen(eventsChannel, (payload) => {
        // This instance's own events come back too: dropped before `receive` makes a promise.
        if (!sentBy(instanceId, payload)) void receive(payload);
      })
    : async () => {};

  function newEvent(actor: Actor, type: EventType, data: unknown): AnyBusEvent {
    return {
      id: ids(),
      type,
      actor: { userId: actorUserId(actor), via: actor.via },
      at: clock.now(),
      data,
    } as AnyBusEvent;
  }

  /**
   * Stores events and notifies other instances (on Postgres), in one statement: rows and
   * notifications commit together. Without `waitForDisk`, in a transaction that commits without
   * waiting for the disk (see `publish`).
   */
  async function store(batchOfEvents: AnyBusEvent[], { waitForDisk = true } = {}) {
    if (!waitForDisk) {
      await commitUnflushed(database.db, (tx) => tx.execute(storeStatement(batchOfEvents)));
      return;
    }
    await database.db.execute(storeStatement(batchOfEvents));
  }

  function storeStatement(batchOfEvents: AnyBusEvent[]) {
    const rows = batchOfEvents.map((event) => ({
      id: event.id,
      type: event.type,
      actor_id: event.actor.userId,
      actor_via: event.actor.via,
      data: event.data,
      at: event.at.toISOString(),
    }));
    const recordset = sql`json_to_recordset(${JSON.stringify(rows)}::json)
          as incoming(id text, type text, actor_id text, actor_via text, data jsonb, at timestamptz)`;
    if (!relays)
      return sql`
        insert into ${events} (id, type, actor_id, actor_via, data, at)
        select id, type, actor_id, actor_via, data, at from ${recordset}`;
    const messages = batchOfEvents.map((event) => encodeRelayMessage(instanceId, event));
    return sql`
      with stored as (
        insert into ${events} (id, type, actor_id, actor_via, data, at)
        select id, type, actor_id, actor_via, data, at from ${recordset}
      )
      select pg_notify(${eventsChannel}, message) from json_array_elements_text(${JSON.stringify(messages)}::json) as message`;
  }

  function announce(event: AnyBusEvent) {
    metrics.eventsPublished.inc({ type: event.type });
    deliver(event);
  }

  const batch = createBatcher<AnyBusEvent>({
    name: 'events',
    logger,
    async write(batchOfEvents) {
      await store(batchOfEvents);
      for (const event of batchOfEvents) announce(event);
    },
  });

  return {
    /**
     * Stores an event and delivers it everywhere. Resolves once it is stored. With `waitForDisk:
     * false` its commit does not wait for the disk: for a caller whose own synchronous commit on the
     * same server follows before anyone relies on the event (a DBOS step's checkpoint), since
     * Postgres flushes its log in order and that commit makes the event durable too.
     */
    async publish<T extends EventType>(
      actor: Actor,
      type: T,
      data: EventMap[T],
      { waitForDisk = true }: { waitForDisk?: boolean } = {},
    ): Promise<BusEvent<T>> {
      const event = newEvent(actor, type, data);
      await store([event], { waitForDisk });
      announce(event);
      return event as BusEvent<T>;
    },

    /**
     * Publishes in the next batch (one write for many events, within milliseconds), for
     * high-volume events such as tool calls. A crash can lose the last few milliseconds of them.
     */
    publishSoon<T extends EventType>(actor: Actor, type: T, data: EventMap[T]): void {
      batch.add(newEvent(actor, type, data));
    },

    /** Calls `handler` for every event whose type matches `pattern` (see pattern.ts). Returns the unsubscribe. */
    subscribe(pattern: EventPattern, handler: EventHandler): () => void {
      const subscription = { matches: compilePattern(pattern), handler };
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },

    /** Stored events, newest first, filtered and paginated. */
    history: (query: EventHistoryQuery) => queryEventHistory(database.db, query),

    /** Deletes events older than the retention period; returns how many. */
    async prune(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - retentionDays * dayMs);
      const deleted = await database.db
        .delete(events)
        .where(lt(events.at, cutoff))
        .returning({ id: events.id });
      return deleted.length;
    },

    async close() {
      await batch.drain();
      subscriptions.clear();
      await unlisten();
    },
  };
}

export type EventBus = Awaited<ReturnType<typeof createEventBus>>;
