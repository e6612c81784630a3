import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { AgentCycleError, AgentRunNotFoundError } from '../../src/modules/agents/index.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

describe('agent runs with a hosted model', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl },
    });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  it('calls its tools over several steps as the user, then answers', async () => {
    const { agents, agentRuns, tasks } = testApp.app;
    await agents.create(alice, {
      name: 'organizer',
      description: 'Keeps the todo list',
      instructions: 'You keep the user’s todo list.',
      tools: ['add_task', 'list_tasks'],
    });
    model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'Buy milk' } }] },
      { toolCalls: [{ name: 'list_tasks', arguments: {} }] },
      { text: 'Added "Buy milk"; you have 1 task.' },
    );
    const before = model.requests.length;
    const answer = await agentRuns.ask(alice, 'organizer', 'Remember to buy milk');
    expect(answer).toMatchObject({ status: 'succeeded', output: 'Added "Buy milk"; you have 1 task.' });
    const requests = model.requests.slice(before);
    expect(requests).toHaveLength(3);
    expect(requests[0]?.tools.sort()).toEqual(['add_task', 'list_tasks']);
    expect(requests[0]?.messages[0]).toMatchObject({
      role: 'system',
      content: 'You keep the user’s todo list.',
    });
    expect((await tasks.list(alice, {})).items.map((task) => task.title)).toEqual(['Buy milk']);
    expect((await tasks.list(bob, {})).items).toEqual([]);
    const run = await agentRuns.get(alice, answer.run_id);
    expect(run).toMatchObject({ status: 'succeeded', steps: 3, depth: 0, agent_name: 'organizer' });
    expect(run.tokens_in).toBeGreaterThan(0);
  });

  it('asks another agent as a tool; the child run names its parent', async () => {
    const { agents, agentRuns } = testApp.app;
    await agents.create(alice, { name: 'researcher', description: 'Finds things out' });
    await agents.create(alice, {
      name: 'lead',
      description: 'Delegates',
      tools: ['agent__researcher'],
    });
    model.script(
      { toolCalls: [{ name: 'agent__researcher', arguments: { input: 'What is 2+2?' } }] },
      { text: '4' },
      { text: 'The researcher says 4.' },
    );
    const answer = await agentRuns.ask(alice, 'lead', 'Ask the researcher what 2+2 is');
    expect(answer).toMatchObject({ status: 'succeeded', output: 'The researcher says 4.' });
    const children = await agentRuns.list(alice, { parent_run_id: answer.run_id });
    expect(children.items).toHaveLength(1);
    expect(children.items[0]).toMatchObject({
      agent_name: 'researcher',
      depth: 1,
      status: 'succeeded',
      output: '4',
    });
  });

  it('refuses an agent that would call itself through others (AGENT_CYCLE)', async () => {
    const { agents, agentRuns } = testApp.app;
    await agents.create(alice, { name: 'ping', description: 'Calls pong', tools: ['agent__pong'] });
    await agents.create(alice, { name: 'pong', description: 'Calls ping', tools: ['agent__ping'] });
    model.script(
      { toolCalls: [{ name: 'agent__pong', arguments: { input: 'go' } }] },
      { toolCalls: [{ name: 'agent__ping', arguments: { input: 'back' } }] },
      { text: 'ping refused me' },
      { text: 'done' },
    );
    const answer = await agentRuns.ask(alice, 'ping', 'start');
    expect(answer.status).toBe('succeeded');
    const pongRun = (await agentRuns.list(alice, { parent_run_id: answer.run_id })).items[0];
    expect(pongRun?.agent_name).toBe('pong');
    // The refusal reached pong's model as the tool's error.
    const refusal = model.requests
      .flatMap((request) => request.messages)
      .find((message) => message.role === 'tool' && String(message.content).includes('AGENT_CYCLE'));
    expect(refusal).toBeDefined();
    // And directly: a run may not start its own agent below itself.
    await expect(
      agentRuns.start(alice, 'ping', { input: 'again', parent_run_id: answer.run_id }),
    ).rejects.toBeInstanceOf(AgentCycleError);
  });

  it('fails a run whose model fails, with the model’s code', async () => {
    const { agents, agentRuns } = testApp.app;
    await agents.create(alice, { name: 'fragile', description: 'Meets a failing model' });
    model.script({ status: 500, error: 'boom' }, { status: 500, error: 'boom' });
    const answer = await agentRuns.ask(alice, 'fragile', 'hello');
    expect(answer.status).toBe('failed');
    expect(answer.error?.code).toMatch(/MODEL/);
  });

  it('holds a destructive tool call for approval: the run waits, then goes on as the owner answers', async () => {
    const { agents, agentRuns, tasks } = testApp.app;
    await agents.create(alice, { name: 'tidier', description: 'Deletes tasks', tools: ['delete_task'] });
    const doomed = (await tasks.add(alice, { title: 'Old thing' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: doomed } }] },
      { text: 'Deleted it.' },
    );
    const announced: { type: string; data: unknown }[] = [];
    const stop = testApp.app.bus.subscribe('agent.run.waiting', (event) => void announced.push(event));
    const run = await agentRuns.start(alice, 'tidier', { input: 'Delete the old thing' });
    const waiting = await agentRuns.wait(alice, run.id, { timeout_ms: 30_000 });
    expect(waiting).toMatchObject({
      status: 'waiting',
      approvals: [{ tool: 'delete_task', input: { task_id: doomed } }],
    });
    // The owner is told the run waits, and for which calls.
    await vi.waitFor(() => expect(announced.length).toBeGreaterThan(0), { timeout: 5_000 });
    stop();
    expect(announced).toEqual([
      expect.objectContaining({
        type: 'agent.run.waiting',
        data: {
          run_id: run.id,
          owner_id: alice.userId,
          approvals: [{ approval_id: waiting.approvals[0]?.approval_id, tool: 'delete_task' }],
        },
      }),
    ]);
    expect((await tasks.get(alice, doomed)).title).toBe('Old thing');
    const approvalId = waiting.approvals[0]?.approval_id ?? '';
    await expect(
      agentRuns.answerApprovals(bob, run.id, { approvals: [{ approval_id: approvalId, approved: true }] }),
    ).rejects.toBeInstanceOf(AgentRunNotFoundError);
    await agentRuns.answerApprovals(alice, run.id, {
      approvals: [{ approval_id: approvalId, approved: true }],
    });
    const ended = await agentRuns.wait(alice, run.id, { timeout_ms: 30_000 });
    expect(ended).toMatchObject({ status: 'succeeded', output: 'Deleted it.', approvals: [] });
    await expect(tasks.get(alice, doomed)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    // Answered once: a second answer finds the run no longer waiting.
    await expect(
      agentRuns.answerApprovals(alice, run.id, { approvals: [{ approval_id: approvalId, approved: true }] }),
    ).rejects.toMatchObject({ code: 'AGENT_RUN_STATE_CONFLICT' });
  });

  it('a refused tool call is not made; the model reads the refusal', async () => {
    const { agentRuns, tasks } = testApp.app;
    const kept = (await tasks.add(alice, { title: 'Keep me' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: kept } }] },
      { text: 'OK, I kept it.' },
    );
    const run = await agentRuns.start(alice, 'tidier', { input: 'Delete keep me' });
    const waiting = await agentRuns.wait(alice, run.id, { timeout_ms: 30_000 });
    expect(waiting.status).toBe('waiting');
    const approvalId = waiting.approvals[0]?.approval_id ?? '';
    await agentRuns.answerApprovals(alice, run.id, {
      approvals: [{ approval_id: approvalId, approved: false, reason: 'I still need it' }],
    });
    const ended = await agentRuns.wait(alice, run.id, { timeout_ms: 30_000 });
    expect(ended).toMatchObject({ status: 'succeeded', output: 'OK, I kept it.' });
    expect((await tasks.get(alice, kept)).title).toBe('Keep me');
  });

  it('a run cancelled while it waits for approval waits again when resumed, and takes the answer', async () => {
    const { agentRuns, tasks } = testApp.app;
    const doomed = (await tasks.add(alice, { title: 'Paused thing' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: doomed } }] },
      { text: 'Deleted it after all.' },
    );
    const run = await agentRuns.start(alice, 'tidier', { input: 'Delete the paused thing' });
    expect((await agentRuns.wait(alice, run.id, { timeout_ms: 30_000 })).status).toBe('waiting');
    expect((await agentRuns.cancel(alice, run.id)).status).toBe('cancelled');
    const resumed = await agentRuns.resume(alice, run.id);
    expect(resumed).toMatchObject({ status: 'waiting', approvals: [{ tool: 'delete_task' }] });
    await agentRuns.answerApprovals(alice, run.id, {
      approvals: [{ approval_id: resumed.approvals[0]?.approval_id ?? '', approved: true }],
    });
    // To its end: a cancel that lands before DBOS records the wait step runs that step again on
    // resume, and the run shows `waiting` for a moment after the answer (docs/agents.md).
    const ended = await agentRuns.wait(alice, run.id, { timeout_ms: 30_000, until_ended: true });
    expect(ended).toMatchObject({ status: 'succeeded', output: 'Deleted it after all.' });
    await expect(tasks.get(alice, doomed)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  it('cancels a run, and resumes it from its last finished step', async () => {
    const { agents, agentRuns } = testApp.app;
    await agents.create(alice, { name: 'slow', description: 'Writes slowly' });
    model.script({ text: 'one two three four five six seven eight nine ten', delayMs: 300 });
    const run = await agentRuns.start(alice, 'slow', { input: 'Take your time' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const cancelled = await agentRuns.cancel(alice, run.id);
    expect(cancelled.status).toBe('cancelled');
    model.script({ text: 'Done now.' });
    await agentRuns.resume(alice, run.id);
    const ended = await agentRuns.wait(alice, run.id, { timeout_ms: 60_000 });
    expect(ended).toMatchObject({ status: 'succeeded', output: 'Done now.' });
  });

  it('answers a workflow’s agent step, the step’s output its reply', async () => {
    const { agents, agentRuns, workflows } = testApp.app;
    await agents.create(alice, { name: 'summer', description: 'Sums up' });
    await workflows.definitions.create(alice, {
      name: 'with-agent',
      input_schema: { type: 'object', properties: { topic: { type: 'string' } } },
      steps: [{ id: 'ask', kind: 'agent', agent: 'summer', input: 'Sum up {{ input.topic }}' }],
    });
    model.script({ text: 'A short summary.' });
    const started = await workflows.runs.start(alice, {
      workflow: 'with-agent',
      input: { topic: 'agents' },
      trigger: { kind: 'manual', surface: 'test' },
    });
    await workflows.runs.waitForEnd(alice, started.id, { timeoutMs: 60_000 });
    const detail = await workflows.runs.get(alice, started.id);
    expect(detail.status).toBe('succeeded');
    const step = detail.steps.find((candidate) => candidate.path === 'ask');
    expect(step?.output).toMatchObject({ text: 'A short summary.' });
    const agentRun = await agentRuns.get(alice, (step?.output as { run_id: string }).run_id);
    expect(agentRun).toMatchObject({ agent_name: 'summer', input: 'Sum up agents', status: 'succeeded' });
  });

  it('a workflow’s agent step waits while its agent waits for approval, and goes on once answered', async () => {
    const { agentRuns, tasks, workflows } = testApp.app;
    const doomed = (await tasks.add(alice, { title: 'Step thing' })).id;
    await workflows.definitions.create(alice, {
      name: 'with-tidier',
      steps: [{ id: 'tidy', kind: 'agent', agent: 'tidier', input: 'Delete the step thing' }],
    });
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: doomed } }] },
      { text: 'Tidied.' },
    );
    const started = await workflows.runs.start(alice, {
      workflow: 'with-tidier',
      input: {},
      trigger: { kind: 'manual', surface: 'test' },
    });
    const held = await vi.waitFor(
      async () => {
        const page = await agentRuns.list(alice, { agent: 'tidier', status: 'waiting' });
        const run = page.items[0];
        if (!run) throw new Error('no agent run waiting yet');
        return run;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect((await workflows.runs.get(alice, started.id)).status).toBe('running');
    await agentRuns.answerApprovals(alice, held.id, {
      approvals: [{ approval_id: held.approvals[0]?.approval_id ?? '', approved: true }],
    });
    await workflows.runs.waitForEnd(alice, started.id, { timeoutMs: 60_000 });
    const detail = await workflows.runs.get(alice, started.id);
    expect(detail.status).toBe('succeeded');
    expect(detail.steps.find((step) => step.path === 'tidy')?.output).toMatchObject({ text: 'Tidied.' });
  });

  it('reports an agent’s health: model, tools, the user’s runs, on /metrics too', async () => {
    const { agents, agentRuns, metrics } = testApp.app;
    const health = await agentRuns.health(alice, 'organizer');
    expect(health).toMatchObject({
      healthy: true,
      model: { reachable: true },
      tools: { available: true, missing: [] },
      runs: 1,
      success_rate: 1,
      last_error: null,
    });
    expect(health.p50_ms).toBeGreaterThanOrEqual(0);
    expect((await agentRuns.health(alice, 'fragile')).last_error?.code).toMatch(/MODEL/);
    expect((await agentRuns.health(bob, 'summarizer')).runs).toBe(0);
    await agents.create(alice, { name: 'broken-tools', description: 'x', tools: ['no_such_tool'] });
    expect(await agentRuns.health(alice, 'broken-tools')).toMatchObject({
      healthy: false,
      tools: { missing: ['no_such_tool'] },
    });
    expect(await metrics.registry.metrics()).toMatch(
      /switchboard_agent_runs_total\{agent="custom",status="succeeded"\}/,
    );
  });

  it('keeps runs to their user: another user’s run is not found, over REST too', async () => {
    const { app } = testApp;
    const { agents, agentRuns } = app;
    await agents.create(alice, { name: 'private-one', description: 'Mine' });
    model.script({ text: 'hi' });
    const answer = await agentRuns.ask(alice, 'private-one', 'hello');
    await expect(agentRuns.get(bob, answer.run_id)).rejects.toBeInstanceOf(AgentRunNotFoundError);
    await expect(agentRuns.cancel(bob, answer.run_id)).rejects.toBeInstanceOf(AgentRunNotFoundError);
    expect((await agentRuns.list(bob, {})).items).toEqual([]);
    const { key } = await createApiKey(app, await signIn(app, 'bob@example.com'));
    const headers = { authorization: `Bearer ${key}` };
    for (const [method, url] of [
      ['GET', `/api/v1/agent-runs/${answer.run_id}`],
      ['GET', `/api/v1/agent-runs/${answer.run_id}/wait`],
      ['POST', `/api/v1/agent-runs/${answer.run_id}/cancel`],
      ['POST', `/api/v1/agent-runs/${answer.run_id}/resume`],
      ['POST', `/api/v1/agent-runs/${answer.run_id}/approvals`],
      ['GET', `/api/v1/agent-runs/${answer.run_id}/stream`],
      ['GET', '/api/v1/agents/private-one'],
      ['GET', '/api/v1/agents/private-one/health'],
      ['GET', '/api/v1/agents/private-one/versions'],
    ] as const) {
      const payload = url.endsWith('/approvals')
        ? { approvals: [{ approval_id: 'x', approved: true }] }
        : undefined;
      const response = await app.http.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const start = await app.http.inject({
      method: 'POST',
      url: '/api/v1/agent-runs',
      headers,
      payload: { agent: 'private-one', input: 'hi' },
    });
    expect(start.statusCode).toBe(404);
  });
});
