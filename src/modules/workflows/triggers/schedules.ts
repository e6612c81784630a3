import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq, sql } from 'drizzle-orm';
import type { WorkflowDeps } from '../deps.js';
import { workflows } from '../table.js';
import type { OwnerActors } from './owner-actor.js';
import type { RunStarter } from './run-starter.js';
import {
  schedulePrefix,
  schedulesOf,
  scheduledRunId,
  wantedSchedules,
  workflowOfSchedule,
} from './schedule-names.js';

/** What DBOS hands the scheduled function: which workflow and which of its triggers. */
interface ScheduleContext {
  workflow_id: string;
  trigger_index: number;
}

/**
 * Workflows' `schedule` triggers as DBOS schedules (kept in DBOS's tables, fired by every
 * instance's scheduler loop). Each tick of a schedule is a DBOS workflow named by DBOS from the
 * schedule and the time; it starts the run as the owner under the run id
 * `sched:<workflow>:<trigger>:<time>`, so however many instances fire the tick, one run starts.
 * Built before the engine launches (the scheduled function is registered then); `syncAll` runs at launch.
 */
export function createSchedules(
  deps: WorkflowDeps,
  { runs, owners }: { runs: RunStarter; owners: OwnerActors },
) {
  const log = deps.logger.child({ component: 'workflow-schedules' });

  /** The current definition of the workflow this tick belongs to; nothing if it is gone or changed. */
  const planTick = async ({ workflow_id: workflowId, trigger_index: index }: ScheduleContext) => {
    const [row] = await deps.db
      .select({ ownerId: workflows.ownerId, definition: workflows.definition })
      .from(workflows)
      .where(eq(workflows.id, workflowId));
    const trigger = row?.definition.triggers[index];
    if (!row || trigger?.kind !== 'schedule') return null;
    return { ownerId: row.ownerId, input: trigger.input };
  };

  const scheduledTick = DBOS.registerWorkflow(
    async (scheduledAt: Date, context: ScheduleContext) => {
      const plan = await DBOS.runStep(() => planTick(context), { name: 'plan' });
      if (!plan) return;
      const owner = await DBOS.runStep(() => owners(plan.ownerId), { name: 'owner' });
      if (!owner) return;
      const at = new Date(scheduledAt);
      // Started from this workflow: DBOS records the start, and the run id makes a second start a no-op.
      await runs.start(owner, {
        workflow: context.workflow_id,
        input: plan.input,
        trigger: { kind: 'schedule', scheduled_at: at.toISOString() },
        runId: scheduledRunId(context.workflow_id, context.trigger_index, at),
      });
    },
    { name: 'workflows.scheduledTrigger' },
  );

  /**
   * Makes DBOS's schedules of one workflow what its current definition asks for: creates,
   * changes (cron, time zone) and deletes them. Under an advisory lock on the workflow, so two
   * instances syncing after quick edits end with the last edit's schedules.
   */
  async function syncSchedules(workflowId: string): Promise<void> {
    await deps.db.transaction(async (transaction) => {
      await transaction.execute(sql`select pg_advisory_xact_lock(hashtext(${schedulesOf(workflowId)}))`);
      const [row] = await transaction
        .select({ definition: workflows.definition })
        .from(workflows)
        .where(eq(workflows.id, workflowId));
      const wanted = wantedSchedules(workflowId, row?.definition);
      const existing = await DBOS.listSchedules({ scheduleNamePrefix: schedulesOf(workflowId) });
      for (const schedule of existing)
        if (!wanted.some((one) => one.name === schedule.scheduleName))
          await DBOS.deleteSchedule(schedule.scheduleName);
      if (wanted.length === 0) return;
      await DBOS.applySchedules(
        wanted.map((one) => ({
          scheduleName: one.name,
          workflowFn: scheduledTick,
          schedule: one.cron,
          cronTimezone: one.timeZone,
          context: { workflow_id: workflowId, trigger_index: one.triggerIndex } satisfies ScheduleContext,
        })),
      );
    });
  }

  /** Every workflow with a schedule, and every schedule of ours whose workflow changed while no instance ran. */
  async function syncAll(): Promise<void> {
    const scheduled = await deps.db
      .select({ id: workflows.id })
      .from(workflows)
      .where(sql`${workflows.definition}->'triggers' @> '[{"kind":"schedule"}]'::jsonb`);
    const known = await DBOS.listSchedules({ scheduleNamePrefix: schedulePrefix });
    const ids = new Set([
      ...scheduled.map((row) => row.id),
      ...known.flatMap((schedule) => workflowOfSchedule(schedule.scheduleName) ?? []),
    ]);
    for (const id of ids) await syncQuietly(id);
  }

  /** A sync whose failure (a cron DBOS refuses) is logged: one workflow's schedule never stops the others. */
  async function syncQuietly(workflowId: string): Promise<void> {
    try {
      await syncSchedules(workflowId);
    } catch (error) {
      log.error({ err: error, workflowId }, 'could not bring a workflow’s schedules in step');
    }
  }

  return { syncSchedules, syncAll, syncQuietly, scheduledTick };
}
