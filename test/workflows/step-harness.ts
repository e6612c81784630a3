import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq } from 'drizzle-orm';
import { actingAs } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { newId } from '../../src/ids.js';
import { type WorkflowStepShape, workflowStepSchema } from '../../src/modules/workflows/definition.js';
import type { WorkflowDeps } from '../../src/modules/workflows/deps.js';
import { runApprovalStep } from '../../src/modules/workflows/run/kinds/approval.js';
import { runWaitEventStep } from '../../src/modules/workflows/run/kinds/wait-event.js';
import type { StepRunContext } from '../../src/modules/workflows/run/step-kind.js';
import { workflowRuns } from '../../src/modules/workflows/table.js';
import { createSecretBox } from '../../src/secrets/secret-box.js';

/**
 * Runs the approval and wait_event step runners inside small DBOS workflows of the test's own,
 * with a real StepRunContext built from the app's parts (the executor that will call them is
 * built beside them). Register before each app launches DBOS: a shutdown clears DBOS's registry.
 */
export function registerStepHarness() {
  const built: { deps?: WorkflowDeps } = {};

  const contextFor = (run: { id: string; ownerId: string }, path: string): StepRunContext => {
    const deps = built.deps;
    const dbosWorkflowId = DBOS.workflowID;
    if (!deps || !dbosWorkflowId) throw new Error('the harness runs inside a DBOS workflow of a built app');
    const actor = actingAs({ userId: run.ownerId, role: 'user', via: 'workflow' });
    const setStatus = (status: 'waiting' | 'running') =>
      deps.db.update(workflowRuns).set({ status }).where(eq(workflowRuns.id, run.id));
    return {
      run: { ...run, workflowName: 'harness' },
      actor,
      path,
      dbosWorkflowId,
      scope: { input: {}, steps: {} },
      deps,
      markWaiting: (waitingFor, approvalId) =>
        DBOS.runStep(
          async () => {
            await setStatus('waiting');
            await deps.bus.publish(actor, 'workflow.run.waiting', {
              run_id: run.id,
              owner_id: run.ownerId,
              step_path: path,
              waiting_for: waitingFor,
              ...(approvalId ? { approval_id: approvalId } : {}),
            });
          },
          { name: 'mark-waiting' },
        ),
      markRunning: () =>
        DBOS.runStep(async () => void (await setStatus('running')), { name: 'mark-running' }),
    };
  };

  type Run = { id: string; ownerId: string };
  const approval = DBOS.registerWorkflow(
    async (run: Run, path: string, step: WorkflowStepShape) =>
      (
        await runApprovalStep(
          step as Extract<WorkflowStepShape, { kind: 'approval' }>,
          {},
          contextFor(run, path),
        )
      ).output,
    { name: 'test.harness.approval' },
  );
  const waitEvent = DBOS.registerWorkflow(
    async (run: Run, path: string, step: WorkflowStepShape) =>
      (
        await runWaitEventStep(
          step as Extract<WorkflowStepShape, { kind: 'wait_event' }>,
          {},
          contextFor(run, path),
        )
      ).output,
    { name: 'test.harness.waitEvent' },
  );
  /** Two approvals in two child workflows (`<run>:<path>`), started then awaited in order, as the executor does. */
  const twoApprovals = DBOS.registerWorkflow(
    async (run: Run, steps: WorkflowStepShape[]) => {
      const handles = [];
      for (const step of steps)
        handles.push(
          await DBOS.startWorkflow(approval, { workflowID: `${run.id}:${step.id}` })(run, step.id, step),
        );
      const outputs = [];
      for (const handle of handles) outputs.push(await handle.getResult());
      return outputs;
    },
    { name: 'test.harness.twoApprovals' },
  );

  return {
    approval,
    waitEvent,
    twoApprovals,
    /** Hands the harness the app's parts, once built. */
    useApp(app: App) {
      built.deps = {
        db: app.database.db,
        clock: app.clock,
        ids: newId,
        bus: app.bus,
        tools: () => app.tools,
        externalTools: app.mcpClients,
        prompts: app.prompts,
        models: app.models,
        engine: app.engine,
        secrets: createSecretBox('harness secret of at least thirty-two characters', 'workflow-webhook'),
        users: app.identity.users,
        config: app.config,
        logger: app.logger,
        metrics: app.metrics,
        documents: app.resources,
        waitingOwners: app.workflows.waitingOwners,
      };
    },
  };
}

/** A step of the definition schema, parsed (defaults filled in). */
export const parseStep = (step: Record<string, unknown>) => workflowStepSchema.parse(step);
