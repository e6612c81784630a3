import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AnyBusEvent } from '../../../bus/events.js';
import { compilePattern } from '../../../bus/pattern.js';
import type { WorkflowDeps } from '../deps.js';
import { holds } from '../expressions.js';
import { workflowEventWaits, workflowRuns } from '../table.js';

/** The DBOS topic a matched event wakes its wait_event step on. */
export const eventTopic = (waitId: string) => `event:${waitId}`;

/** An event as a wait_event filter sees it (`event.type`, `event.data.tags` …) and as the step's output. */
export interface WaitedEvent {
  id: string;
  type: string;
  at: string;
  data: unknown;
}

export const toWaitedEvent = (event: AnyBusEvent): WaitedEvent => ({
  id: event.id,
  type: event.type,
  at: event.at.toISOString(),
  data: event.data,
});

/** Whose event it is: the user who caused it, or the owner a system event names. */
function ownerOf(event: AnyBusEvent): string | null {
  if (event.actor.userId) return event.actor.userId;
  const owner = (event.data as { owner_id?: unknown } | null)?.owner_id;
  return typeof owner === 'string' ? owner : null;
}

/** A wait not yet matched nor expired. */
const stillOpen = and(
  isNull(workflowEventWaits.matchedEvent),
  sql`(${workflowEventWaits.expiresAt} is null or ${workflowEventWaits.expiresAt} > now())`,
);

/**
 * Matches bus events to open wait_event steps: one subscriber per instance, started with the
 * service when the engine runs. For the events of a user delivered together it reads that user's
 * open waits once (never another user's), tests the type pattern and the filter, and claims a
 * matching wait by a conditional update (`matched_event is null`): of several instances receiving
 * the same event, one wins. The winner sends the event to the waiting DBOS workflow; if the send fails, the step
 * still finds the claim when it reads its row again (within a minute). An event delivered before
 * the wait's row exists is not matched. Events about the waiting run itself are skipped, and so
 * are the waits of a run no longer running or waiting (cancelled, ended: `closeWaitsOf` closes
 * those too, but a wait left open by a crash must not match either). Events of an owner with no
 * open wait (most events) are not read for: `waitingOwners` says who may have one.
 */
export function createEventWaits({ db, bus, engine, logger, waitingOwners }: WorkflowDeps) {
  if (!engine) return { stop: () => {} };
  const log = logger.child({ component: 'workflow-event-waits' });

  function matches(
    wait: { pattern: string; filter: string | null; id: string },
    event: WaitedEvent,
  ): boolean {
    try {
      if (!compilePattern(wait.pattern)(event.type)) return false;
      return wait.filter ? holds(wait.filter, { event }) : true;
    } catch (error) {
      // The author's filter failed on this event (a missing field): not a match, said once per event.
      log.debug({ wait: wait.id, event: event.id, err: error }, 'a wait_event filter did not evaluate');
      return false;
    }
  }

  /**
   * The events of one owner delivered together (a batch of the bus: a run's step events, tool
   * calls) are offered together: one read of the owner's open waits, made after all of them were
   * delivered, so every wait that existed before any of them is seen.
   */
  const gathering = new Map<string, AnyBusEvent[]>();
  /**
   * Each owner's offers in the order delivered, one after another: two running at once (events
   * published one after the other, each delivered alone) would race to claim a wait, and the
   * later event could take it.
   */
  const offering = new Map<string, Promise<void>>();
  function offer(busEvent: AnyBusEvent) {
    hearWaits(busEvent);
    const ownerId = ownerOf(busEvent);
    if (!ownerId || !waitingOwners.mayWait(ownerId)) return;
    const gathered = gathering.get(ownerId);
    if (gathered) {
      gathered.push(busEvent);
      return;
    }
    gathering.set(ownerId, [busEvent]);
    queueMicrotask(() => {
      const events = gathering.get(ownerId) ?? [];
      gathering.delete(ownerId);
      const offered = (offering.get(ownerId) ?? Promise.resolve())
        .then(() => offerAll(ownerId, events))
        .catch((error: unknown) =>
          log.error({ err: error, events: events.length }, 'could not offer events to wait_event steps'),
        )
        .finally(() => {
          if (offering.get(ownerId) === offered) offering.delete(ownerId);
        });
      offering.set(ownerId, offered);
    });
  }

  /** A wait opened anywhere (its row committed) makes its owner one who may wait, here too. */
  function hearWaits(busEvent: AnyBusEvent) {
    if (busEvent.type !== 'workflow.run.waiting') return;
    const { owner_id: ownerId, waiting_for: waitingFor } = busEvent.data;
    if (waitingFor === 'event') waitingOwners.heard(ownerId);
  }

  let learning: Promise<void> | undefined;
  /** Once: every owner with an open wait (until then, every event is read for). */
  function learnOnce() {
    learning ??= db
      .selectDistinct({ ownerId: workflowEventWaits.ownerId })
      .from(workflowEventWaits)
      .where(stillOpen)
      .then((rows) => waitingOwners.learnAll(rows.map((row) => row.ownerId)))
      .catch((error: unknown) => {
        learning = undefined;
        log.warn({ err: error }, 'could not read the owners of open waits: reading for every event');
      });
  }

  async function offerAll(ownerId: string, busEvents: AnyBusEvent[]) {
    learnOnce();
    const since = waitingOwners.now();
    const unmatched = await db
      .select({
        id: workflowEventWaits.id,
        runId: workflowEventWaits.runId,
        runStatus: workflowRuns.status,
        pattern: workflowEventWaits.pattern,
        filter: workflowEventWaits.filter,
        dbosWorkflowId: workflowEventWaits.dbosWorkflowId,
      })
      .from(workflowEventWaits)
      .innerJoin(workflowRuns, eq(workflowRuns.id, workflowEventWaits.runId))
      .where(and(eq(workflowEventWaits.ownerId, ownerId), stillOpen))
      .orderBy(asc(workflowEventWaits.createdAt));
    // Forgotten only with no open row at all: a run that is not running now may be resumed.
    if (unmatched.length === 0) waitingOwners.noneOpen(ownerId, since);
    const open = unmatched.filter((wait) => wait.runStatus === 'running' || wait.runStatus === 'waiting');
    // In the order delivered: a wait takes the first event that matches it.
    for (const busEvent of busEvents) {
      if (open.length === 0) return;
      const event = toWaitedEvent(busEvent);
      const aboutRun = (event.data as { run_id?: unknown } | null)?.run_id;
      for (const wait of [...open]) {
        if (aboutRun === wait.runId || !matches(wait, event)) continue;
        const claimed = await db
          .update(workflowEventWaits)
          .set({ matchedEvent: event })
          .where(and(eq(workflowEventWaits.id, wait.id), stillOpen))
          .returning({ id: workflowEventWaits.id });
        // Taken (here, or by another instance): no later event of these can take it.
        open.splice(open.indexOf(wait), 1);
        if (claimed.length === 0) continue;
        await DBOS.send(wait.dbosWorkflowId, event, eventTopic(wait.id), wait.id).catch((error) =>
          log.warn(
            { err: error, wait: wait.id },
            'could not wake a matched wait_event step: it reads its row within a minute',
          ),
        );
      }
    }
  }

  const unsubscribe = bus.subscribe('*', offer);
  return { stop: unsubscribe };
}
export type EventWaits = ReturnType<typeof createEventWaits>;

/**
 * Closes the open waits of a run and of its child runs (`workflow` steps), by ending them now: no
 * event matches them after this. Called when a run is cancelled or ends, so a wait cannot take an
 * event for a run that will never read it. Returns how many it closed.
 */
export async function closeWaitsOf(db: WorkflowDeps['db'], runId: string): Promise<number> {
  const runAndChildren = sql`(
    with recursive runs(id) as (
      select ${runId}::text
      union
      select child.id from ${workflowRuns} child join runs on child.parent_run_id = runs.id
    )
    select id from runs)`;
  const closed = await db
    .update(workflowEventWaits)
    .set({ expiresAt: sql`now()` })
    .where(and(sql`${workflowEventWaits.runId} in ${runAndChildren}`, stillOpen))
    .returning({ id: workflowEventWaits.id });
  return closed.length;
}
