import type { WorkflowDefinition } from '../definition.js';

/**
 * Names of the DBOS schedules of workflows' `schedule` triggers, and the ids of the runs they
 * start. The run id holds the scheduled time, so every instance firing the same tick names the
 * same run, and starting an existing run id starts nothing.
 */
export const schedulePrefix = 'wf:';

/** `wf:<workflow id>:<trigger index>`: the index of the trigger in the definition's `triggers`. */
export function scheduleName(workflowId: string, triggerIndex: number): string {
  return `${schedulePrefix}${workflowId}:${triggerIndex}`;
}

/** The prefix of every schedule of one workflow (ids hold no colon). */
export function schedulesOf(workflowId: string): string {
  return `${schedulePrefix}${workflowId}:`;
}

/** The workflow a schedule belongs to, or undefined for a name that is not one of ours. */
export function workflowOfSchedule(name: string): string | undefined {
  const match = /^wf:([^:]+):\d+$/.exec(name);
  return match?.[1];
}

/** `sched:<workflow id>:<trigger index>:<scheduled time, ISO>`. */
export function scheduledRunId(workflowId: string, triggerIndex: number, scheduledAt: Date): string {
  return `sched:${workflowId}:${triggerIndex}:${scheduledAt.toISOString()}`;
}

/** A schedule the workflow's current definition asks for. */
export interface WantedSchedule {
  name: string;
  triggerIndex: number;
  cron: string;
  timeZone: string;
}

/** The schedules a workflow's current definition asks for (none for a deleted workflow). */
export function wantedSchedules(
  workflowId: string,
  definition: WorkflowDefinition | undefined,
): WantedSchedule[] {
  return (definition?.triggers ?? []).flatMap((trigger, triggerIndex) =>
    trigger.kind === 'schedule'
      ? [
          {
            name: scheduleName(workflowId, triggerIndex),
            triggerIndex,
            cron: trigger.cron,
            timeZone: trigger.time_zone,
          },
        ]
      : [],
  );
}
