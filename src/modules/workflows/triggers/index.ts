import type { WorkflowDeps } from '../deps.js';
import type { WorkflowDefinitions } from '../service/definitions.js';
import type { WorkflowRuns } from '../service/runs.js';
import { createEventTriggers, hourlyLookbackMs, launchLookbackMs } from './event-triggers.js';
import { ownerActors } from './owner-actor.js';
import { createSchedules } from './schedules.js';
import { createWebhooks } from './webhooks.js';
import { createWorkflowToolSource } from './workflow-tools.js';

/** The events after which a workflow's schedules are brought in step with its current definition. */
const definitionEvents = ['workflow.created', 'workflow.updated', 'workflow.deleted'] as const;

/**
 * Starts runs from outside, each as the workflow's owner: schedules (DBOS schedules, once across
 * instances), bus events and webhooks; and offers published workflows as tools (`workflow__<name>`).
 * Schedules and event triggers need the engine: they start listening once it has launched, with a
 * full sync of the schedules then (edits made while no instance ran included). They follow the
 * definitions through their bus events, so the definitions part calls nothing here.
 */
export function createWorkflowTriggers(
  deps: WorkflowDeps,
  parts: { definitions: WorkflowDefinitions; runs: WorkflowRuns },
) {
  const { runs } = parts;
  const owners = ownerActors(deps.users);
  const webhooks = createWebhooks(deps, { runs, owners });
  const tools = createWorkflowToolSource(deps, { runs });
  const events = createEventTriggers(deps, { runs, owners });
  const engine = deps.engine;
  const schedules = engine ? createSchedules(deps, { runs, owners }) : undefined;
  if (engine && schedules) {
    engine.onLaunch(async () => {
      // Listening first: an edit made during the full sync is synced again after it.
      for (const type of definitionEvents)
        deps.bus.subscribe(type, (event) =>
          schedules.syncQuietly((event.data as { workflow_id: string }).workflow_id),
        );
      events.listen();
      await schedules.syncAll();
      // Events stored just before a stop but never routed (listening first: a new one is routed live).
      await events
        .sweep(launchLookbackMs)
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'could not start the runs of events stored but never dispatched'),
        );
    });
  }
  return {
    webhooks,
    /** Published workflows as tools, for the MCP server and the chat (app.ts hands them over). */
    tools,
    /**
     * Starts the runs of the last two hours' events stored but never routed to their event
     * triggers (the hourly sweep; the launch looks back 24 h). Gives how many; 0 without the engine.
     */
    sweepEvents: (): Promise<number> => (engine ? events.sweep(hourlyLookbackMs) : Promise.resolve(0)),
    /** Brings one workflow's DBOS schedules in step with its current definition (after launch only). */
    syncSchedules: (workflowId: string) => schedules?.syncSchedules(workflowId) ?? Promise.resolve(),
  };
}
export type WorkflowTriggers = ReturnType<typeof createWorkflowTriggers>;
