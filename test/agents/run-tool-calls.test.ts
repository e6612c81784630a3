import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AgentRunDetail } from '../../src/modules/agents/schema.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const missingTask = '0193a5f2-6c1e-7b3a-9d4e-2f1a8b7c6d5e';

describe('an agent run’s tool calls over REST', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let alice: UserActor;
  let headers: Record<string, string>;

  const getRun = async (id: string): Promise<AgentRunDetail> => {
    const response = await testApp.app.http.inject({
      method: 'GET',
      url: `/api/v1/agent-runs/${id}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<AgentRunDetail>();
  };

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl },
    });
    const user = await seedUser(testApp.app, { email: 'alice@example.com' });
    alice = actingAs({ userId: user.id, role: 'user', via: 'http' });
    const { key } = await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'));
    headers = { authorization: `Bearer ${key}` };
    await testApp.app.agents.create(alice, {
      name: 'organizer',
      description: 'Keeps the todo list',
      tools: ['add_task', 'complete_task', 'delete_task'],
    });
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  it('answers each call with its step, input, output or error, and duration', async () => {
    model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'Buy milk' } }] },
      { toolCalls: [{ name: 'complete_task', arguments: { task_id: missingTask } }] },
      { text: 'Added it; the other one was not there.' },
    );
    const answer = await testApp.app.agentRuns.ask(alice, 'organizer', 'Add milk, finish the other');
    expect(answer.status).toBe('succeeded');
    const run = await getRun(answer.run_id);
    expect(run.tool_calls).toHaveLength(2);
    const [added, completed] = run.tool_calls;
    expect(added).toMatchObject({
      tool: 'add_task',
      step: 1,
      input: { title: 'Buy milk' },
      state: 'success',
      output: { task: { title: 'Buy milk' } },
    });
    expect(added?.duration_ms).toBeGreaterThanOrEqual(0);
    expect(added?.approval_id).toBeUndefined();
    expect(completed).toMatchObject({ tool: 'complete_task', step: 2, state: 'error' });
    expect(completed?.error).toContain('TASK_NOT_FOUND');
    expect(completed?.output).toBeUndefined();
  });

  it('shows a call held for approval, then the refusal', async () => {
    const kept = (await testApp.app.tasks.add(alice, { title: 'Keep me' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: kept } }] },
      { text: 'OK, I kept it.' },
    );
    const started = await testApp.app.agentRuns.start(alice, 'organizer', { input: 'Delete keep me' });
    const waiting = await testApp.app.agentRuns.wait(alice, started.id, { timeout_ms: 30_000 });
    expect(waiting.status).toBe('waiting');
    const approvalId = waiting.approvals[0]?.approval_id ?? '';
    const held = await getRun(started.id);
    expect(held.tool_calls).toEqual([
      expect.objectContaining({
        tool: 'delete_task',
        input: { task_id: kept },
        state: 'awaiting_approval',
        approval_id: approvalId,
      }),
    ]);
    expect(held.tool_calls[0]?.approved).toBeUndefined();

    await testApp.app.agentRuns.answerApprovals(alice, started.id, {
      approvals: [{ approval_id: approvalId, approved: false, reason: 'I still need it' }],
    });
    await testApp.app.agentRuns.wait(alice, started.id, { timeout_ms: 30_000 });
    const ended = await getRun(started.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.tool_calls).toEqual([
      expect.objectContaining({
        tool: 'delete_task',
        state: 'denied',
        approval_id: approvalId,
        approved: false,
        error: 'I still need it',
      }),
    ]);
  });

  it('lists the calls of the run asked for only', async () => {
    model.script({ text: 'Nothing to do.' });
    const answer = await testApp.app.agentRuns.ask(alice, 'organizer', 'Just say hi');
    expect((await getRun(answer.run_id)).tool_calls).toEqual([]);
  });
});
