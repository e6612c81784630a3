import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import { publicError } from '../../../public-error.js';
import type { ActorTool, ActorToolCallContext, ActorToolSource } from '../../../tools/actor-tools.js';
import { errorResult, type ToolCallResult } from '../../../tools/tool-runner.js';
import type { WorkflowDeps } from '../deps.js';
import { workflowToolPrefix } from '../tool-names.js';
import { workflows } from '../table.js';
import type { RunStarter, TriggeredRun } from './run-starter.js';

/** How long a call waits for its run before answering with the run id and status (it goes on). */
export const workflowToolWaitMs = 50_000;

const definitionEvents = new Set(['workflow.created', 'workflow.updated', 'workflow.deleted']);

/**
 * Each published workflow as a tool `workflow__<name>` of its owner — and each published shared
 * workflow as one for every user (run as the caller, as any shared workflow is); where a shared
 * one's name is also one of the caller's own, the caller's own stands, and of two shared ones the
 * older. Calling it starts a run and waits for it, reporting each step as progress; it answers with
 * the run's output, or, when the run waits for a person or outlasts the wait, with the run's id and
 * status (get_workflow_run follows it from there).
 */
export function createWorkflowToolSource(
  deps: WorkflowDeps,
  { runs }: { runs: RunStarter },
): ActorToolSource {
  const log = deps.logger.child({ component: 'workflow-tools' });

  /** Ends when the run waits for an approval: a person answers it later, not this call. */
  const approvalWait = (runId: string, signal: AbortSignal) =>
    new Promise<TriggeredRun>((resolve) => {
      const stop = deps.bus.subscribe('workflow.run.waiting', (event) => {
        if (event.type !== 'workflow.run.waiting' || event.data.run_id !== runId) return;
        if (event.data.waiting_for !== 'approval') return;
        stop();
        resolve({ id: runId, status: 'waiting' });
      });
      signal.addEventListener('abort', () => stop(), { once: true });
    });

  async function call(
    actor: UserActor,
    workflowId: string,
    args: unknown,
    signal: AbortSignal,
    context: ActorToolCallContext = {},
  ): Promise<ToolCallResult> {
    const done = new AbortController();
    signal.addEventListener('abort', () => done.abort(), { once: true });
    // The run's id is chosen here, so the wait for an approval is heard from before the run starts.
    const runId = deps.ids();
    const waitsForApproval = approvalWait(runId, done.signal);
    try {
      const input = (args ?? {}) as Record<string, unknown>;
      const run = await runs.start(actor, {
        workflow: workflowId,
        input,
        trigger: { kind: 'manual', surface: actor.via },
        runId,
      });
      const ended = await Promise.race([
        waitsForApproval,
        runs.waitForEnd(actor, run.id, {
          timeoutMs: workflowToolWaitMs,
          onStep: (stepsDone, total, message) =>
            void context.progress?.(stepsDone, total, message).catch(() => {}),
        }),
        aborted(done.signal, run),
      ]);
      return answer(ended);
    } catch (error) {
      return errorResult(
        publicError(error, { logger: log, what: 'The workflow failed', details: { workflowId } }),
      );
    } finally {
      done.abort();
    }
  }

  // A chat asks every turn: drizzle builds the statement once, Postgres parses it once a connection.
  const published = deps.db
    .select({
      id: workflows.id,
      ownerId: workflows.ownerId,
      name: workflows.name,
      description: workflows.description,
      definition: workflows.definition,
    })
    .from(workflows)
    .where(
      and(
        eq(workflows.published, true),
        or(eq(workflows.ownerId, sql.placeholder('userId')), eq(workflows.visibility, 'shared')),
      ),
    )
    .orderBy(asc(workflows.createdAt), asc(workflows.id))
    .prepare('workflow_tools_for');

  return {
    async toolsFor(actor: UserActor): Promise<ActorTool[]> {
      const rows = await published.execute({ userId: actor.userId });
      // The caller's own first, so a shared workflow of the same name is the one left out.
      const ordered = [
        ...rows.filter((row) => row.ownerId === actor.userId),
        ...rows.filter((row) => row.ownerId !== actor.userId),
      ];
      const seen = new Set<string>();
      return ordered.flatMap((row) => {
        const name = `${workflowToolPrefix}${row.name}`;
        if (seen.has(name)) return [];
        seen.add(name);
        return [
          {
            name,
            title: row.name,
            description: row.description || `Runs the workflow ${row.name} and answers with its output.`,
            inputSchema: row.definition.input_schema,
            destructive: true,
            call: (args, signal, context) => call(actor, row.id, args, signal, context),
          },
        ];
      });
    },

    /** Only the actor's own workflows: another user's edits are not announced (nor confirmed). */
    changesToolsOf(event: { type: string; data: unknown }, actor: UserActor): boolean {
      return (
        definitionEvents.has(event.type) && (event.data as { owner_id?: unknown }).owner_id === actor.userId
      );
    },
  };
}

/** Resolves with the run as it stands when the caller goes away (the run goes on). */
function aborted(signal: AbortSignal, run: TriggeredRun): Promise<TriggeredRun> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(run), { once: true }));
}

/** The tool's answer: the output of a finished run, its failure, or where it stands. */
function answer(run: TriggeredRun): ToolCallResult {
  if (run.status === 'failed' || run.status === 'cancelled') {
    const code = run.error?.code ?? (run.status === 'cancelled' ? 'RUN_CANCELLED' : 'RUN_FAILED');
    const message =
      run.error?.message ?? `The run ${run.status === 'cancelled' ? 'was cancelled' : 'failed'}`;
    const result = errorResult({ code, message });
    return { ...result, structuredContent: { ...result.structuredContent, run_id: run.id } };
  }
  if (run.status === 'succeeded') {
    const structuredContent = { run_id: run.id, status: run.status, output: run.output ?? null };
    return {
      content: [{ type: 'text', text: JSON.stringify(run.output ?? null) }],
      structuredContent,
      isError: false,
    };
  }
  const text =
    run.status === 'waiting'
      ? `Run ${run.id} waits for an approval (list_approvals, answer_approval); get_workflow_run follows it.`
      : `Run ${run.id} is ${run.status} and goes on; get_workflow_run follows it.`;
  return {
    content: [{ type: 'text', text }],
    structuredContent: { run_id: run.id, status: run.status },
    isError: false,
  };
}
