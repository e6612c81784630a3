import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

/** The four team patterns end to end, each member an agent run on the fake hosted model. */
describe('teams of agents', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let alice: UserActor;
  let bob: UserActor;
  let bobKey: string;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl },
    });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
    bobKey = (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'))).key;
    for (const name of ['lead', 'writer', 'critic', 'first', 'second', 'third'])
      await testApp.app.agents.create(alice, { name, description: `The ${name}` });
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  const run = (team: string, input: string) =>
    testApp.app.agentCoop.teams.run(alice, team, { input, wait: true, timeout_ms: 60_000 });

  it('pipeline: each member takes the previous output', async () => {
    const { teams } = testApp.app.agentCoop;
    await teams.create(alice, {
      name: 'chain',
      pattern: 'pipeline',
      members: [{ agent: 'first' }, { agent: 'second' }],
    });
    model.script({ text: 'draft one' }, { text: 'draft one, polished' });
    const result = await run('chain', 'write something');
    expect(result).toMatchObject({ status: 'succeeded', output: 'draft one, polished' });
    expect(result.turns.map((turn) => [turn.key, turn.agent, turn.status])).toEqual([
      ['stage-0', 'first', 'succeeded'],
      ['stage-1', 'second', 'succeeded'],
    ]);
    const secondRun = await testApp.app.agentRuns.get(alice, result.turns[1]?.run_id ?? '');
    expect(secondRun).toMatchObject({ input: 'draft one', team_run_id: result.id });
  }, 90_000);

  it('review: the writer revises until the critic approves', async () => {
    const { teams } = testApp.app.agentCoop;
    await teams.create(alice, {
      name: 'editors',
      pattern: 'review',
      members: [
        { agent: 'writer', role: 'writer' },
        { agent: 'critic', role: 'critic' },
      ],
      options: { max_rounds: 3 },
    });
    model.script({ text: 'v1' }, { text: 'Too short.' }, { text: 'v2, longer' }, { text: 'APPROVED' });
    const result = await run('editors', 'a slogan');
    expect(result).toMatchObject({ status: 'succeeded', output: 'v2, longer' });
    expect(result.turns.map((turn) => turn.key)).toEqual(['write-1', 'review-1', 'write-2', 'review-2']);
  }, 90_000);

  it('vote: the majority answer wins', async () => {
    const { teams } = testApp.app.agentCoop;
    await teams.create(alice, {
      name: 'panel',
      pattern: 'vote',
      members: [{ agent: 'first' }, { agent: 'second' }, { agent: 'third' }],
      options: { strategy: 'majority' },
    });
    model.script({ text: 'Paris' }, { text: 'paris.' }, { text: 'Lyon' });
    const result = await run('panel', 'Capital of France?');
    expect(result.status).toBe('succeeded');
    expect(result.output?.toLowerCase()).toMatch(/^paris/);
    expect(result.turns).toHaveLength(3);
  }, 90_000);

  it('supervisor: plans, hands parts to the members and combines', async () => {
    const { teams } = testApp.app.agentCoop;
    await teams.create(alice, {
      name: 'squad',
      pattern: 'supervisor',
      members: [{ agent: 'lead', role: 'supervisor' }, { agent: 'first' }],
    });
    model.script({ text: 'first: list the facts' }, { text: 'fact A' }, { text: 'Combined: fact A' });
    const result = await run('squad', 'Tell me facts');
    expect(result).toMatchObject({ status: 'succeeded', output: 'Combined: fact A' });
    expect(result.turns.map((turn) => turn.key)).toEqual(['plan', 'work-1', 'combine']);
    const worker = await testApp.app.agentRuns.get(alice, result.turns[1]?.run_id ?? '');
    expect(worker.input).toContain('first: list the facts');
  }, 90_000);

  it('is a tool team__<name> as agents are agent__<name>: an agent whose allowlist names it asks the team', async () => {
    const { agents, agentRuns, agentCoop } = testApp.app;
    await agentCoop.teams.create(alice, {
      name: 'duo',
      pattern: 'pipeline',
      members: [{ agent: 'first' }, { agent: 'second' }],
    });
    await agents.create(alice, { name: 'delegator', description: 'Asks the duo', tools: ['team__duo'] });
    model.script(
      { toolCalls: [{ name: 'team__duo', arguments: { input: 'start here' } }] },
      { text: 'step a' },
      { text: 'step a, then b' },
      { text: 'The duo says: step a, then b' },
    );
    const answer = await agentRuns.ask(alice, 'delegator', 'Ask the duo');
    expect(answer).toMatchObject({ status: 'succeeded', output: 'The duo says: step a, then b' });
    const [teamRun] = (await agentCoop.teams.listRuns(alice, 'duo')).items;
    expect(teamRun).toMatchObject({ status: 'succeeded', input: 'start here', output: 'step a, then b' });
    // The team's output reached the delegator's model as the tool's result.
    const toolResult = model.requests.at(-1)?.messages.find((message) => message.role === 'tool');
    expect(String(toolResult?.content)).toContain('step a, then b');
    expect((await agentRuns.health(alice, 'delegator')).tools).toEqual({ available: true, missing: [] });
    // Bob has no team by that name: an agent of his naming it misses the tool.
    await agents.create(bob, { name: 'thief', description: 'Wants the duo', tools: ['team__duo'] });
    expect((await agentRuns.health(bob, 'thief')).tools).toEqual({
      available: false,
      missing: ['team__duo'],
    });
  }, 90_000);

  it('pipeline: a failing member rolls back the members before it through their compensation tools', async () => {
    const { teams } = testApp.app.agentCoop;
    await teams.create(alice, {
      name: 'undoable',
      pattern: 'pipeline',
      members: [
        { agent: 'first', compensation_tool: 'add_task', compensation_input: { title: 'Undo: {{output}}' } },
        { agent: 'second' },
      ],
    });
    const down = { status: 500, error: 'the model is down' };
    // The model client retries a 500: every try fails (last test on the model: extra failures are not used).
    model.script({ text: 'made a thing' }, down, down, down, down, down);
    const result = await run('undoable', 'make a thing');
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('PIPELINE_MEMBER_FAILED');
    expect(result.turns.map((turn) => [turn.kind, turn.key, turn.status])).toEqual([
      ['turn', 'stage-0', 'succeeded'],
      ['turn', 'stage-1', 'failed'],
      ['compensation', 'undo-0', 'succeeded'],
    ]);
    const tasks = await testApp.app.tasks.list(alice, {});
    expect(tasks.items.map((task) => task.title)).toContain('Undo: made a thing');
  }, 90_000);

  it('answers 404 to another user for the team and its runs', async () => {
    const { teams } = testApp.app.agentCoop;
    const team = await teams.get(alice, 'chain');
    const [teamRun] = (await teams.listRuns(alice, 'chain')).items;
    await expect(teams.get(bob, team.id)).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/teams/${team.id}`],
      ['PATCH', `/api/v1/teams/${team.id}`, { description: 'mine now' }],
      ['DELETE', `/api/v1/teams/${team.id}`],
      ['POST', `/api/v1/teams/${team.id}/runs`, { input: 'go' }],
      ['GET', `/api/v1/teams/${team.id}/runs`],
      ['GET', `/api/v1/team-runs/${teamRun?.id ?? 'x'}`],
    ] as const) {
      const response = await testApp.app.http.inject({
        method,
        url,
        headers: { authorization: `Bearer ${bobKey}` },
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
