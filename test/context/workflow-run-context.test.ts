import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';

/** A workflow run's own context space: made by its first write, shared by its steps, kept as its record. */
describe('a workflow run’s context', { timeout: 120_000 }, () => {
  let testApp: TestApp;
  let ownerId: string;
  let otherId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    ownerId = (await seedUser(testApp.app, { email: 'runner@example.com' })).id;
    otherId = (await seedUser(testApp.app, { email: 'stranger@example.com' })).id;
  });
  afterAll(() => testApp?.close());

  it('lets two parallel steps write the run’s space, and a later step read what both wrote', async () => {
    const { app } = testApp;
    const actor = restActor(ownerId);
    await insertWorkflow(app, ownerId, {
      name: 'team-notes',
      steps: [
        {
          id: 'left',
          kind: 'tool',
          tool: 'context_set',
          input: { key: 'findings/left', value: { by: 'left', word: '{{ input.word }}' } },
        },
        {
          id: 'right',
          kind: 'tool',
          tool: 'context_set',
          input: { key: 'findings/right', value: { by: 'right' } },
        },
        {
          id: 'left_board',
          kind: 'tool',
          tool: 'context_patch',
          input: { key: 'board', patch: { left: 'done' } },
        },
        {
          id: 'right_board',
          kind: 'tool',
          tool: 'context_patch',
          input: { key: 'board', patch: { right: 'done' } },
        },
        {
          id: 'read',
          kind: 'tool',
          tool: 'context_list',
          needs: ['left', 'right', 'left_board', 'right_board'],
          input: { prefix: 'findings/' },
        },
      ],
    });
    const started = await app.workflows.runs.start(actor, {
      workflow: 'team-notes',
      input: { word: 'hello' },
      trigger: { kind: 'manual', surface: 'test' },
    });
    await app.workflows.runs.waitForEnd(actor, started.id, { timeoutMs: 60_000 });
    const run = await app.workflows.runs.get(actor, started.id);
    expect(run.status).toBe('succeeded');
    const read = run.steps.find((step) => step.path === 'read')?.output as {
      items: { key: string; value: unknown }[];
    };
    expect(read.items.map((item) => [item.key, item.value])).toEqual([
      ['findings/left', { by: 'left', word: 'hello' }],
      ['findings/right', { by: 'right' }],
    ]);

    // One space for the run, owned by its user and readable afterwards as its record.
    const { items } = await app.context.spaces.list(actor, { limit: 100 });
    const spaces = items.filter((space) => space.run?.id === started.id);
    expect(spaces).toEqual([
      expect.objectContaining({ role: 'owner', run: { kind: 'workflow_run', id: started.id } }),
    ]);
    const spaceId = spaces[0]?.id as string;
    const board = await app.context.entries.get(actor, spaceId, 'board');
    expect(board.value).toEqual({ left: 'done', right: 'done' });
    expect(board.version).toBe(2);

    // Someone else cannot see it.
    await expect(app.context.entries.get(restActor(otherId), spaceId, 'board')).rejects.toMatchObject({
      code: 'CONTEXT_SPACE_NOT_FOUND',
    });
  });

  it('writes once for a step repeated after a crash (the same idempotency key)', async () => {
    const { app } = testApp;
    const actor = restActor(ownerId);
    const runContext = { kind: 'workflow_run', id: 'repeated-run' } as const;
    const call = () =>
      app.tools.call(
        actor,
        'context_set',
        { key: 'once', value: { n: 1 }, if_version: 0 },
        {
          idempotencyKey: 'repeated-run:3',
          runContext,
        },
      );
    const [first, repeat] = [await call(), await call()];
    expect(first.isError).toBe(false);
    expect(repeat).toEqual(first);
    const space = await app.context.createRunSpace(actor, runContext);
    const history = await app.context.entries.history(actor, space.id, 'once', {});
    expect(history.items).toHaveLength(1);
  });

  it('asks for a space outside a run', async () => {
    const result = await testApp.app.tools.call(restActor(ownerId), 'context_get', { key: 'plan' });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error_code: 'INVALID_INPUT', field: 'space' });
  });
});
