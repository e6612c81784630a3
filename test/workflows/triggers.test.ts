import { DBOS } from '@dbos-inc/dbos-sdk';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/modules/workflows/triggers/webhook-signature.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';
import { restActor } from '../helpers/workflows.js';
import { definitionWith, saveWorkflow } from './seed-workflow.js';

/** Runs start on DBOS's queue, polled about every second: a busy machine may take several. */
const patience = { timeout: 20_000 };

/** Runs started by triggers, on the real engine: bus events, webhooks, schedules, and workflows as MCP tools. */
describe.runIf(postgresAvailable)('workflow triggers', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let url: string;
  let alice: { id: string; cookie: string };
  let bob: { id: string; cookie: string };
  const clients: Client[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { mcpFixtures: 'true' } });
    url = await testApp.app.listen();
    const user = async (email: string) => {
      const { id } = await seedUser(testApp.app, { email });
      return { id, cookie: await signIn(testApp.app, email) };
    };
    alice = await user('alice-triggers@example.com');
    bob = await user('bob-triggers@example.com');
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await testApp?.close();
  });

  const runsOf = async (userId: string, workflowId: string) =>
    (await testApp.app.workflows.runs.list(restActor(userId), { workflow_id: workflowId, limit: 100 })).items;
  const ended = (userId: string, runId: string) =>
    testApp.app.workflows.runs.waitForEnd(restActor(userId), runId, { timeoutMs: 30_000 });
  const addTask = (who: { cookie: string }, payload: object) =>
    as(testApp.app, who)({ method: 'POST', url: '/api/v1/tasks', payload });

  describe('event triggers', () => {
    it('start a run for the owner’s task tagged review, and not for an untagged one or another user’s', async () => {
      const id = await saveWorkflow(
        testApp.app,
        alice.id,
        definitionWith(
          'review-intake',
          [
            {
              kind: 'event',
              event: 'task.created',
              filter: '"review" in event.data.tags',
              input: { topic: '{{ event.data.title }}' },
            },
          ],
          { output: { said: '{{ steps.say.output.message }}' } },
        ),
      );
      const tagged = (await addTask(alice, { title: 'Contract draft', tags: ['review'] })).json();
      await expect.poll(async () => (await runsOf(alice.id, id)).length, patience).toBe(1);
      const [run] = await runsOf(alice.id, id);
      expect(run?.id).toMatch(new RegExp(`^event:${id}:`));
      expect(run?.trigger).toMatchObject({ kind: 'event', event_type: 'task.created' });
      expect(await ended(alice.id, run?.id ?? '')).toMatchObject({
        status: 'succeeded',
        output: { said: 'About Contract draft' },
      });
      expect(tagged.title).toBe('Contract draft');

      await addTask(alice, { title: 'Groceries', tags: ['home'] });
      await addTask(bob, { title: 'Bob’s review', tags: ['review'] });
      // A later tagged task of Alice's: once its run is there, the two tasks before it were heard too.
      await addTask(alice, { title: 'Second draft', tags: ['review'] });
      await expect.poll(async () => (await runsOf(alice.id, id)).length, patience).toBe(2);
      const inputs = (await runsOf(alice.id, id)).map((one) => one.input.topic).sort();
      expect(inputs).toEqual(['Contract draft', 'Second draft']);
      expect((await testApp.app.workflows.runs.list(restActor(bob.id), { limit: 100 })).items).toEqual([]);
    });

    it('never let a run’s own effects start it again (a workflow adding a task on task.created)', async () => {
      const id = await saveWorkflow(testApp.app, bob.id, {
        name: 'task-echo',
        steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'Echo of {{ input.title }}' } }],
        input_schema: { type: 'object', properties: { title: { type: 'string' } } },
        triggers: [{ kind: 'event', event: 'task.created', input: { title: '{{ event.data.title }}' } }],
      });
      await addTask(bob, { title: 'First' });
      await expect.poll(async () => (await runsOf(bob.id, id)).length, patience).toBe(1);
      const [first] = await runsOf(bob.id, id);
      expect(await ended(bob.id, first?.id ?? '')).toMatchObject({ status: 'succeeded' });
      // The run added "Echo of First" (task.created by the run): had it started a run, the next
      // task's run would be the third, not the second.
      await addTask(bob, { title: 'Second' });
      await expect.poll(async () => (await runsOf(bob.id, id)).length, patience).toBe(2);
      const second = (await runsOf(bob.id, id)).find((one) => one.id !== first?.id);
      expect(await ended(bob.id, second?.id ?? '')).toMatchObject({ status: 'succeeded' });
      expect((await runsOf(bob.id, id)).map((one) => one.input.title).sort()).toEqual(['First', 'Second']);
    });
  });

  describe('webhooks', () => {
    let hookId: string;
    let secret: string;
    const post = (workflowId: string, body: string, headers: Record<string, string> = {}) =>
      testApp.app.http.inject({
        method: 'POST',
        url: `/api/v1/hooks/${workflowId}`,
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      });

    beforeAll(async () => {
      hookId = await saveWorkflow(testApp.app, alice.id, definitionWith('hooked', [{ kind: 'webhook' }]));
      const made = await as(
        testApp.app,
        alice,
      )({ method: 'POST', url: `/api/v1/workflows/${hookId}/webhook-secret` });
      expect(made.statusCode).toBe(200);
      secret = made.json().secret;
      expect(made.json()).toMatchObject({ workflow_id: hookId, url: `/api/v1/hooks/${hookId}` });
    });

    it('starts one run for a signed body, however often its delivery is sent', async () => {
      const body = JSON.stringify({ topic: 'invoice 42' });
      const headers = {
        'x-switchboard-signature': signBody(secret, body),
        'x-switchboard-delivery': 'dlv-1',
      };
      const first = await post(hookId, body, headers);
      expect(first.statusCode).toBe(202);
      expect(first.json()).toEqual({ run_id: `hook:${hookId}:dlv-1` });
      const again = await post(hookId, body, headers);
      expect(again.json()).toEqual({ run_id: `hook:${hookId}:dlv-1` });
      expect(await ended(alice.id, first.json().run_id)).toMatchObject({
        status: 'succeeded',
        input: { topic: 'invoice 42' },
        trigger: { kind: 'webhook', delivery: 'dlv-1' },
      });
      expect(await runsOf(alice.id, hookId)).toHaveLength(1);
    });

    it('answers the same 401 for a bad signature, an unknown workflow and one without a webhook', async () => {
      const body = JSON.stringify({ topic: 'x' });
      const plain = await saveWorkflow(
        testApp.app,
        alice.id,
        definitionWith('no-hook', [{ kind: 'manual' }]),
      );
      const refusals = await Promise.all([
        post(hookId, body, { 'x-switchboard-signature': signBody('whsec_wrong', body) }),
        post(hookId, body),
        post(hookId, body, { 'x-switchboard-signature': signBody(secret, `${body} `) }),
        post('01J00000000000000000000000', body, { 'x-switchboard-signature': signBody(secret, body) }),
        post(plain, body, { 'x-switchboard-signature': signBody(secret, body) }),
      ]);
      for (const refusal of refusals) {
        expect(refusal.statusCode).toBe(401);
        expect(refusal.json().error).toMatchObject({
          code: 'WEBHOOK_SIGNATURE_INVALID',
          message: refusals[0]?.json().error.message,
        });
      }
      expect(await runsOf(alice.id, hookId)).toHaveLength(1);
    });

    it('refuses a signed body that is not a JSON object, naming the body', async () => {
      const response = await post(hookId, '[1, 2]', {
        'x-switchboard-signature': signBody(secret, '[1, 2]'),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    });

    it('maps the body and headers through the trigger’s input, and refuses a body it cannot read', async () => {
      const mapped = await saveWorkflow(
        testApp.app,
        alice.id,
        definitionWith('hook-mapped', [
          { kind: 'webhook', input: { topic: '{{ body.order.id + " from " + headers["x-shop"] }}' } },
        ]),
      );
      const made = await as(
        testApp.app,
        alice,
      )({ method: 'POST', url: `/api/v1/workflows/${mapped}/webhook-secret` });
      const key = made.json().secret as string;
      const body = JSON.stringify({ order: { id: 'A-7' } });
      const accepted = await post(mapped, body, {
        'x-switchboard-signature': signBody(key, body),
        'x-shop': 'north',
      });
      expect(accepted.statusCode).toBe(202);
      expect(await ended(alice.id, accepted.json().run_id)).toMatchObject({
        status: 'succeeded',
        input: { topic: 'A-7 from north' },
      });
      const unreadable = JSON.stringify({ nothing: true });
      const refused = await post(mapped, unreadable, {
        'x-switchboard-signature': signBody(key, unreadable),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    });

    it('lets only the owner make the secret: another user is told it does not exist', async () => {
      const response = await as(
        testApp.app,
        bob,
      )({ method: 'POST', url: `/api/v1/workflows/${hookId}/webhook-secret` });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('WORKFLOW_NOT_FOUND');
    });
  });

  describe('schedules', () => {
    it('start one run per scheduled time, when two instances’ schedulers enqueue the same ticks', async () => {
      const id = await saveWorkflow(
        testApp.app,
        alice.id,
        definitionWith('every-five', [
          { kind: 'schedule', cron: '*/5 * * * *', input: { topic: 'the time' } },
        ]),
      );
      const name = `wf:${id}:0`;
      await expect.poll(() => DBOS.getSchedule(name), patience).toMatchObject({ scheduleName: name });
      const window = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:11:00Z')] as const;
      // Each instance's scheduler enqueues a tick as DBOS's backfill does (same DBOS ids, same time).
      await DBOS.backfillSchedule(name, ...window);
      await DBOS.backfillSchedule(name, ...window);
      const expected = ['2026-01-01T00:05:00.000Z', '2026-01-01T00:10:00.000Z'].map(
        (at) => `sched:${id}:0:${at}`,
      );
      await expect
        .poll(async () => (await runsOf(alice.id, id)).map((run) => run.id).sort())
        .toEqual(expected);
      for (const runId of expected)
        expect(await ended(alice.id, runId)).toMatchObject({
          status: 'succeeded',
          trigger: { kind: 'schedule' },
        });
      expect(await runsOf(alice.id, id)).toHaveLength(2);
    });
  });

  describe('published workflows as MCP tools', () => {
    const connect = async (who: { cookie: string }, name: string) => {
      const client = await connectMcpClient(testApp, { url, cookie: who.cookie, name });
      clients.push(client);
      return client;
    };
    /** The workflow tools on every page of tools/list, with their descriptions. */
    const workflowTools = async (client: Client) => {
      const found: Record<string, string | undefined> = {};
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {});
        for (const tool of page.tools)
          if (tool.name.startsWith('workflow__')) found[tool.name] = tool.description;
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    };

    beforeAll(async () => {
      const twoSteps = (name: string, word: string) =>
        definitionWith(name, [{ kind: 'manual' }], {
          description: `${word}: greets the topic`,
          steps: [
            { id: 'first', kind: 'tool', tool: 'echo', input: { message: 'Hello' } },
            {
              id: 'second',
              kind: 'tool',
              tool: 'echo',
              needs: ['first'],
              input: { message: '{{ steps.first.output.message + " " + input.topic }}' },
            },
          ],
          output: { greeting: '{{ steps.second.output.message }}' },
        });
      await saveWorkflow(testApp.app, alice.id, twoSteps('greet', 'Alice’s'));
      await saveWorkflow(testApp.app, bob.id, twoSteps('greet', 'Bob’s'), { visibility: 'shared' });
      await saveWorkflow(testApp.app, bob.id, twoSteps('report', 'Bob’s shared'), { visibility: 'shared' });
      await saveWorkflow(testApp.app, bob.id, twoSteps('plan', 'Bob’s private'));
    });

    it('lists the user’s own and the shared ones (their own first), never another user’s private ones', async () => {
      const aliceTools = await workflowTools(await connect(alice, 'alice'));
      expect(aliceTools).toMatchObject({
        workflow__greet: 'Alice’s: greets the topic',
        workflow__report: 'Bob’s shared: greets the topic',
      });
      expect(aliceTools).not.toHaveProperty('workflow__plan');
      const bobTools = await workflowTools(await connect(bob, 'bob'));
      expect(bobTools).toMatchObject({
        workflow__greet: 'Bob’s: greets the topic',
        workflow__plan: expect.any(String),
      });
    });

    it('runs the workflow when called, with progress, and answers its output', async () => {
      const client = await connect(alice, 'alice-call');
      const progress: number[] = [];
      const result = await client.callTool(
        { name: 'workflow__greet', arguments: { topic: 'world' } },
        undefined,
        {
          onprogress: (update) => void progress.push(update.progress),
        },
      );
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        status: 'succeeded',
        output: { greeting: 'Hello world' },
      });
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toBe(2);
      const runId = (result.structuredContent as { run_id: string }).run_id;
      expect((await testApp.app.workflows.runs.get(restActor(alice.id), runId)).workflow_name).toBe('greet');
    });

    it('runs a shared workflow as the caller, and refuses another user’s private one as unknown', async () => {
      const client = await connect(alice, 'alice-shared');
      const shared = await client.callTool({ name: 'workflow__report', arguments: { topic: 'Alice' } });
      const runId = (shared.structuredContent as { run_id: string }).run_id;
      expect((await testApp.app.workflows.runs.get(restActor(alice.id), runId)).status).toBe('succeeded');
      await expect(client.callTool({ name: 'workflow__plan', arguments: {} })).rejects.toThrow(
        /workflow__plan/,
      );
    });

    it('answers bad input as the tool’s error', async () => {
      const client = await connect(alice, 'alice-bad');
      const result = await client.callTool({ name: 'workflow__greet', arguments: { topic: 42 } });
      expect(result.isError).toBe(true);
      expect(result._meta).toMatchObject({ 'switchboard/error': { error_code: 'RUN_INPUT_INVALID' } });
    });
  });
});
