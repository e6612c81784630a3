/**
 * The isolation rows of workflow runs (REST and MCP), spread into rows.ts and mcp-rows.ts. The
 * matrix apps run the durable engine, so the owner's requests truly start, cancel and resume runs.
 */
import { systemActor, type UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import type { WorkflowDefinitionInput } from '../../src/modules/workflows/definition.js';
import { insertWorkflow } from '../helpers/workflows.js';
import type { McpToolRow } from './mcp-rows.js';
import type { OwnedRow, RowContext } from './rows.js';

const definitions = {
  /** Ends at once. */
  quick: [{ id: 'look', kind: 'tool', tool: 'list_tasks', input: {} }],
  /** Waits long enough for everyone's attempts; the owner's cancel ends it. */
  long: [{ id: 'nap', kind: 'sleep', duration_ms: 120_000 }],
  /** Waits a little: what is left after a resume ends before the app closes. */
  short: [{ id: 'nap', kind: 'sleep', duration_ms: 1_000 }],
  /** Fails on its only step. */
  failing: [{ id: 'finish', kind: 'tool', tool: 'complete_task', input: { task_id: 'no-such-task' } }],
} satisfies Record<string, WorkflowDefinitionInput['steps']>;

/**
 * A pipeline run of the owner's over three texts: `open` sleeps long (for pause), else it ends at
 * once with one item failed ("bad" is no Unicode form), for its items and retry-failed.
 */
async function ownerPipelineRun(app: App, owner: UserActor, open: boolean) {
  const name = `matrix-${Math.random().toString(36).slice(2, 10)}`;
  await insertWorkflow(app, owner.userId, {
    name,
    kind: 'pipeline',
    pipeline: { concurrency: 1 },
    steps: open
      ? [{ id: 'nap', kind: 'sleep', duration_ms: 120_000 }]
      : [
          {
            id: 'form',
            kind: 'tool',
            tool: 'normalize_unicode',
            input: { text: 'x', form: '{{ item.text }}' },
          },
        ],
  });
  const run = await app.workflows.runs.start(owner, {
    workflow: name,
    input: { texts: ['NFC', 'bad', 'NFKC'] },
    trigger: { kind: 'manual', surface: 'test' },
  });
  if (!open) await app.workflows.runs.waitForEnd(owner, run.id, { timeoutMs: 20_000 });
  return run.id;
}

const withOwnerPipelineRun =
  (open: boolean, build: (runId: string) => string) => async (context: RowContext) => {
    const runId = await ownerPipelineRun(context.app, await ownerOf(context), open);
    return { url: build(runId) };
  };

/** A fresh private workflow of the owner's; gives its name. */
async function ownerWorkflow(app: App, ownerId: string, steps: WorkflowDefinitionInput['steps']) {
  const name = `matrix-${Math.random().toString(36).slice(2, 10)}`;
  await insertWorkflow(app, ownerId, { name, steps });
  return name;
}

/** A run of a fresh workflow of the owner's, started as the owner (awaited to its end unless `open`). */
async function ownerRun(app: App, owner: UserActor, kind: keyof typeof definitions, open = false) {
  const name = await ownerWorkflow(app, owner.userId, definitions[kind]);
  const run = await app.workflows.runs.start(owner, {
    workflow: name,
    trigger: { kind: 'manual', surface: 'test' },
  });
  if (!open) await app.workflows.runs.waitForEnd(owner, run.id, { timeoutMs: 20_000 });
  return run.id;
}

const ownerOf = async ({ app, ownerEmail }: RowContext): Promise<UserActor> => {
  const user = await app.identity.users.findByEmail(systemActor, ownerEmail);
  return {
    type: 'user',
    userId: user.id,
    role: 'user',
    scopes: ['api:read', 'api:write'],
    via: 'http',
    credential: { kind: 'cli' },
  };
};

const withOwnerRun =
  (kind: keyof typeof definitions, build: (runId: string) => string, prepare?: 'cancelled') =>
  async (context: RowContext) => {
    const owner = await ownerOf(context);
    const runId = await ownerRun(context.app, owner, kind, kind !== 'quick' && kind !== 'failing');
    if (prepare === 'cancelled') await context.app.workflows.runs.cancel(owner, runId);
    return { url: build(runId) };
  };

export const workflowRunRows: OwnedRow[] = [
  {
    method: 'GET',
    route: '/api/v1/workflow-runs',
    scope: 'api:read',
    request: withOwnerRun('quick', () => '/api/v1/workflow-runs'),
    otherUser: 'own_items_only',
  },
  {
    method: 'GET',
    route: '/api/v1/workflow-runs/:id',
    scope: 'api:read',
    request: withOwnerRun('quick', (id) => `/api/v1/workflow-runs/${id}`),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/cancel',
    scope: 'api:write',
    request: withOwnerRun('long', (id) => `/api/v1/workflow-runs/${id}/cancel`),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/resume',
    scope: 'api:write',
    request: withOwnerRun('short', (id) => `/api/v1/workflow-runs/${id}/resume`, 'cancelled'),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/retry',
    scope: 'api:write',
    request: withOwnerRun('failing', (id) => `/api/v1/workflow-runs/${id}/retry`),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/rerun',
    scope: 'api:write',
    request: withOwnerRun('quick', (id) => `/api/v1/workflow-runs/${id}/rerun`),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/pause',
    scope: 'api:write',
    request: withOwnerPipelineRun(true, (id) => `/api/v1/workflow-runs/${id}/pause`),
    otherUser: 'not_found',
  },
  {
    method: 'POST',
    route: '/api/v1/workflow-runs/:id/retry-failed',
    scope: 'api:write',
    request: withOwnerPipelineRun(false, (id) => `/api/v1/workflow-runs/${id}/retry-failed`),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflow-runs/:id/items',
    scope: 'api:read',
    request: withOwnerPipelineRun(false, (id) => `/api/v1/workflow-runs/${id}/items`),
    otherUser: 'not_found',
  },
  {
    method: 'GET',
    route: '/api/v1/workflows/:id/performance',
    scope: 'api:read',
    request: async (context) => {
      const owner = await ownerOf(context);
      const name = await ownerWorkflow(context.app, owner.userId, definitions.quick);
      await context.app.workflows.runs.start(owner, {
        workflow: name,
        trigger: { kind: 'manual', surface: 'test' },
      });
      return { url: `/api/v1/workflows/${name}/performance` };
    },
    otherUser: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api/v1/workflow-cache',
    scope: 'api:write',
    // Another user clears only their own entries: the answer names nobody else's.
    request: async () => ({ url: '/api/v1/workflow-cache' }),
    otherUser: 'own_items_only',
  },
  {
    method: 'POST',
    route: '/api/v1/workflows/:id/runs',
    scope: 'api:write',
    request: async (context) => {
      const name = await ownerWorkflow(context.app, (await ownerOf(context)).userId, definitions.quick);
      return { url: `/api/v1/workflows/${name}/runs`, payload: { input: {} } };
    },
    otherUser: 'not_found',
  },
];

export const workflowRunMcpRows: McpToolRow[] = [
  {
    tool: 'run_pipeline',
    arguments: async ({ app, owner }) => {
      const name = `matrix-${Math.random().toString(36).slice(2, 10)}`;
      await insertWorkflow(app, owner.userId, {
        name,
        kind: 'pipeline',
        steps: [
          { id: 'basic', kind: 'tool', tool: 'analyze_text_basic', input: { text: '{{ item.text }}' } },
        ],
      });
      return { pipeline: name, texts: ['one'] };
    },
    otherUser: 'not_found',
  },
  {
    tool: 'run_workflow',
    arguments: async ({ app, owner }) => ({
      workflow: await ownerWorkflow(app, owner.userId, definitions.quick),
    }),
    otherUser: 'not_found',
  },
  {
    tool: 'get_workflow_run',
    arguments: async ({ app, owner }) => ({ run_id: await ownerRun(app, owner, 'quick') }),
    otherUser: 'not_found',
  },
  {
    tool: 'list_workflow_runs',
    arguments: async ({ app, owner }) => (await ownerRun(app, owner, 'quick'), {}),
    otherUser: 'own_items_only',
  },
];
