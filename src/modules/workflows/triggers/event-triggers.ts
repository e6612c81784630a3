import { and, asc, eq, gte, lte, notExists, sql } from 'drizzle-orm';
import type { AnyBusEvent } from '../../../bus/events.js';
import { rowToEvent } from '../../../bus/rows.js';
import { events } from '../../../bus/table.js';
import { outsideEngine } from '../../../engine/index.js';
import type { WorkflowDeps } from '../deps.js';
import { workflowRuns, workflows } from '../table.js';
import {
  type EventOrigin,
  type EventTriggerEntry,
  eventOwner,
  eventRun,
  eventTriggersOf,
  loopGuard,
} from './event-match.js';
import type { OwnerActors } from './owner-actor.js';
import type { RunStarter } from './run-starter.js';

/** How many owners' trigger lists are kept (the least recently used go first). */
const cachedOwners = 1_000;
/** How far up a chain of child runs the origin of a workflow.* event is looked for. */
const parentHops = 20;
/** How far back the sweep at launch looks; the hourly sweep looks back two hours. */
export const launchLookbackMs = 24 * 60 * 60 * 1000;
export const hourlyLookbackMs = 2 * 60 * 60 * 1000;
/** Pairs (event, workflow) the sweep reads at a time. */
const sweepPage = 500;
/** The events that change which workflows an owner has, and so their triggers. */
const definitionEvents = new Set(['workflow.created', 'workflow.updated', 'workflow.deleted']);

/**
 * Event triggers: every instance hears every event (the bus relays them), and for an event of a
 * user starts the runs of that user's workflows whose `event` trigger matches it and whose filter
 * holds, as the user, under the run id `event:<workflow>:<event>` (so the instances together start
 * one run). Never another user's event; see `loopGuard` for loops. Each owner's triggers are cached
 * until one of their workflows changes.
 */
export function createEventTriggers(
  deps: WorkflowDeps,
  { runs, owners }: { runs: RunStarter; owners: OwnerActors },
) {
  const log = deps.logger.child({ component: 'workflow-event-triggers' });
  const cache = new Map<string, Promise<EventTriggerEntry[]>>();

  function triggersOf(ownerId: string): Promise<EventTriggerEntry[]> {
    const hit = cache.get(ownerId);
    if (hit) {
      cache.delete(ownerId); // re-inserted: the Map's order is the least recently used first
      cache.set(ownerId, hit);
      return hit;
    }
    const loaded = deps.db
      .select({ id: workflows.id, definition: workflows.definition })
      .from(workflows)
      .where(
        sql`${workflows.ownerId} = ${ownerId} and ${workflows.definition}->'triggers' @> '[{"kind":"event"}]'::jsonb`,
      )
      .then((rows) => rows.flatMap((row) => eventTriggersOf(row.id, row.definition)));
    loaded.catch(() => cache.delete(ownerId));
    if (cache.size >= cachedOwners) cache.delete(cache.keys().next().value as string);
    cache.set(ownerId, loaded);
    return loaded;
  }

  /** The root run of the run a workflow.* event names, if it names one. */
  async function originOf(event: AnyBusEvent): Promise<EventOrigin | undefined> {
    let runId = (event.data as { run_id?: unknown }).run_id;
    for (let hop = 0; typeof runId === 'string' && hop < parentHops; hop++) {
      const [run] = await deps.db
        .select({
          workflowId: workflowRuns.workflowId,
          trigger: workflowRuns.trigger,
          parent: workflowRuns.parentRunId,
        })
        .from(workflowRuns)
        .where(eq(workflowRuns.id, runId));
      if (!run) return undefined;
      if (!run.parent) return { workflowId: run.workflowId, trigger: run.trigger };
      runId = run.parent;
    }
    return undefined;
  }

  async function onEvent(event: AnyBusEvent): Promise<void> {
    const ownerId = eventOwner(event);
    if (!ownerId) return;
    if (definitionEvents.has(event.type)) cache.delete(ownerId);
    await fire(ownerId, event, await triggersOf(ownerId));
  }

  /** Starts the runs of the triggers (of the owner's workflows) that the event matches. Gives how many. */
  async function fire(ownerId: string, event: AnyBusEvent, triggers: EventTriggerEntry[]): Promise<number> {
    const matching = triggers.filter((entry) => entry.matches(event.type));
    if (matching.length === 0) return 0;
    const guard = loopGuard(event, event.type.startsWith('workflow.') ? await originOf(event) : undefined);
    if (!guard.allowed) return 0;
    const owner = await owners(ownerId);
    if (!owner) return 0;
    let started = 0;
    for (const entry of matching) {
      if (entry.workflowId === guard.excludes) continue;
      try {
        const run = eventRun(entry, event);
        if (!run) continue;
        // Outside the publisher's context: an event a workflow step published would make this run its child.
        await outsideEngine(() => runs.start(owner, { workflow: entry.workflowId, ...run }));
        started++;
      } catch (error) {
        // A filter that fails on this event, an input the workflow refuses: the owner's mistake, logged.
        log.warn(
          { err: error, workflowId: entry.workflowId, event: event.id },
          'an event trigger did not start its run',
        );
      }
    }
    return started;
  }

  /**
   * Starts the runs of events stored but never routed (the server stopped between the event's
   * commit and its dispatch): each event of the window against the event triggers of its owner's
   * workflows not changed since the event (a later edit may have added the trigger), skipping a
   * workflow whose run for the event (`event:<workflow>:<event>`) exists. The run id makes a start
   * that races the live dispatch or another instance a no-op. Gives how many runs it started.
   */
  async function sweep(lookbackMs: number): Promise<number> {
    const since = new Date(deps.clock.now().getTime() - lookbackMs);
    const owner = sql`coalesce(${events.actorId}, ${events.data}->>'owner_id')`;
    let after: { eventId: string; workflowId: string } | undefined;
    let started = 0;
    for (;;) {
      const page = await deps.db
        .select({
          event: events,
          workflowId: workflows.id,
          ownerId: workflows.ownerId,
          definition: workflows.definition,
        })
        .from(events)
        .innerJoin(
          workflows,
          and(
            eq(workflows.ownerId, owner),
            lte(workflows.updatedAt, events.at),
            sql`${workflows.definition}->'triggers' @> '[{"kind":"event"}]'::jsonb`,
          ),
        )
        .where(
          and(
            gte(events.at, since),
            after
              ? sql`(${events.id}, ${workflows.id}) > (${after.eventId}, ${after.workflowId})`
              : undefined,
            notExists(
              deps.db
                .select({ id: workflowRuns.id })
                .from(workflowRuns)
                .where(eq(workflowRuns.id, sql`'event:' || ${workflows.id} || ':' || ${events.id}`)),
            ),
          ),
        )
        .orderBy(asc(events.id), asc(workflows.id))
        .limit(sweepPage);
      for (const row of page) {
        const event = rowToEvent(row.event);
        started += await fire(row.ownerId, event, eventTriggersOf(row.workflowId, row.definition));
      }
      const last = page.at(-1);
      if (!last || page.length < sweepPage) break;
      after = { eventId: last.event.id, workflowId: last.workflowId };
    }
    if (started > 0) log.info({ runs: started }, 'started the runs of events stored but never dispatched');
    return started;
  }

  return {
    /** Starts listening; returns the stop. */
    listen(): () => void {
      return deps.bus.subscribe('*', onEvent);
    },
    /** Starts the runs of the events of the last `lookbackMs` stored but never dispatched; gives how many. */
    sweep,
    /** For tests and the definitions part: forget an owner's cached triggers. */
    forget(ownerId: string) {
      cache.delete(ownerId);
    },
  };
}
