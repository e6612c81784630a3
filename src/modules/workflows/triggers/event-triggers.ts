import { eq, sql } from 'drizzle-orm';
import type { AnyBusEvent } from '../../../bus/events.js';
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
    const matching = (await triggersOf(ownerId)).filter((entry) => entry.matches(event.type));
    if (matching.length === 0) return;
    const guard = loopGuard(event, event.type.startsWith('workflow.') ? await originOf(event) : undefined);
    if (!guard.allowed) return;
    const owner = await owners(ownerId);
    if (!owner) return;
    for (const entry of matching) {
      if (entry.workflowId === guard.excludes) continue;
      try {
        const run = eventRun(entry, event);
        if (!run) continue;
        // Outside the publisher's context: an event a workflow step published would make this run its child.
        await outsideEngine(() => runs.start(owner, { workflow: entry.workflowId, ...run }));
      } catch (error) {
        // A filter that fails on this event, an input the workflow refuses: the owner's mistake, logged.
        log.warn(
          { err: error, workflowId: entry.workflowId, event: event.id },
          'an event trigger did not start its run',
        );
      }
    }
  }

  return {
    /** Starts listening; returns the stop. */
    listen(): () => void {
      return deps.bus.subscribe('*', onEvent);
    },
    /** For tests and the definitions part: forget an owner's cached triggers. */
    forget(ownerId: string) {
      cache.delete(ownerId);
    },
  };
}
