import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';
import { postgresAvailable } from '../helpers/test-database.js';
import type { WorkflowDefinitionInput } from '../../src/modules/workflows/definition.js';

/** The shapes a run takes on the real engine: waves, branches, items, passes, retries and failures. */
describe.runIf(postgresAvailable)('workflow runs on the durable engine', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let ownerId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    ownerId = (await seedUser(testApp.app, { email: 'runner@example.com' })).id;
  });
  afterAll(() => testApp?.close());

  /** Saves the workflow, runs it, waits for its end; gives the run with its steps. */
  async function run(definition: WorkflowDefinitionInput, input: Record<string, unknown> = {}) {
    const { runs } = testApp.app.workflows;
    await insertWorkflow(testApp.app, ownerId, definition);
    const actor = restActor(ownerId);
    const started = await runs.start(actor, {
      workflow: definition.name,
      input,
      trigger: { kind: 'manual', surface: 'test' },
    });
    await runs.waitForEnd(actor, started.id, { timeoutMs: 30_000 });
    return runs.get(actor, started.id);
  }

  it('runs a DAG: two steps at once, then a step that joins them', async () => {
    const detail = await run(
      {
        name: 'dag',
        steps: [
          { id: 'left', kind: 'tool', tool: 'echo', input: { message: 'left {{ input.word }}' } },
          { id: 'right', kind: 'tool', tool: 'echo', input: { message: 'right' } },
          {
            id: 'join',
            kind: 'tool',
            tool: 'echo',
            needs: ['left', 'right'],
            input: { message: '{{ steps.left.output.message + " + " + steps.right.output.message }}' },
          },
        ],
      },
      { word: 'hand' },
    );
    expect(detail.status).toBe('succeeded');
    expect(detail.output).toEqual({ message: 'left hand + right' });
    expect(detail.steps.map((one) => [one.path, one.status])).toEqual(
      expect.arrayContaining([
        ['left', 'succeeded'],
        ['right', 'succeeded'],
        ['join', 'succeeded'],
      ]),
    );
    expect(detail.steps_done).toBe(3);
    expect(detail.steps_total).toBe(3);
  });
});
