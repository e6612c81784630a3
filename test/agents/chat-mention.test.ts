import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { keyedRequests } from '../chat/chat-harness.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

interface ChatAnswer {
  status: string;
  response: string;
  tool_calls: { tool: string; status: string }[];
}

/** A chat message starting with `@name` goes to that agent (or team): its agent__ (team__) tool is the first step's. */
describe('an @agent mention in the chat', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let alice: UserActor;
  let chat: (who: 'alice' | 'bob', body: Record<string, unknown>) => Promise<ChatAnswer>;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: {
        model: 'openai-compatible:fake-model',
        models: 'openai-compatible:fake-model,offline',
        modelBaseUrl: model.baseUrl,
      },
    });
    const url = await testApp.app.listen();
    alice = actingAs({
      userId: (await seedUser(testApp.app, { email: 'alice@example.com' })).id,
      role: 'user',
    });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    const keys = {
      alice: (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'))).key,
      bob: (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'))).key,
    };
    const requests = keyedRequests(url, keys);
    chat = async (who, body) => {
      const response = await requests.request(who, '/api/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as ChatAnswer;
    };
    await testApp.app.agents.create(alice, {
      name: 'echoer',
      description: 'Repeats what it is told',
      model: 'offline',
    });
    await testApp.app.agents.create(alice, {
      name: 'cleaner',
      description: 'Cleans text',
      model: 'offline',
      tools: ['clean_text'],
    });
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  it('with the built-in assistant: asks the agent, no approval asked, and answers its reply', async () => {
    const answer = await chat('alice', {
      message: '@cleaner clean this text:   hello    world  ',
      model: 'offline',
    });
    expect(answer.status).toBe('complete');
    expect(answer.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual([
      'agent__cleaner:success',
    ]);
    expect(answer.response).toContain('hello world');
    const [run] = (await testApp.app.agentRuns.list(alice, {})).items;
    expect(run).toMatchObject({ agent_name: 'cleaner', status: 'succeeded' });
  });

  it('with a hosted model: the first step must call the mentioned agent’s tool', async () => {
    model.script(
      { toolCalls: [{ name: 'agent__echoer', arguments: { input: 'say hi' } }] },
      { text: 'The echoer answered.' },
    );
    const before = model.requests.length;
    const answer = await chat('alice', { message: '@echoer say hi' });
    expect(answer.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual(['agent__echoer:success']);
    expect(answer.response).toBe('The echoer answered.');
    const [first, second] = model.requests.slice(before);
    expect(first?.toolChoice).toEqual({ type: 'function', function: { name: 'agent__echoer' } });
    expect(second?.toolChoice ?? 'auto').toBe('auto');
  });

  it('exempts only the call the mention forced: another call of that agent in the turn waits for approval', async () => {
    model.script(
      { toolCalls: [{ name: 'agent__echoer', arguments: { input: 'say hi' } }] },
      { toolCalls: [{ name: 'agent__echoer', arguments: { input: 'say it once more' } }] },
    );
    const runsBefore = (await testApp.app.agentRuns.list(alice, { agent: 'echoer' })).items.length;
    const answer = await chat('alice', { message: '@echoer say hi' });
    expect(answer.status).toBe('awaiting_approval');
    expect(answer.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual([
      'agent__echoer:success',
      'agent__echoer:awaiting_approval',
    ]);
    // The held call did not ask the agent: one run more, not two.
    const runs = (await testApp.app.agentRuns.list(alice, { agent: 'echoer' })).items;
    expect(runs).toHaveLength(runsBefore + 1);
    expect(runs[0]?.input).toBe('say hi');
  });

  it('@team with the built-in assistant: asks the user’s team, no approval asked, and answers its output', async () => {
    const team = await testApp.app.agentCoop.teams.create(alice, {
      name: 'tidy-crew',
      description: 'Cleans up text',
      pattern: 'pipeline',
      members: [{ agent: 'cleaner' }],
    });
    const answer = await chat('alice', {
      message: '@tidy-crew clean this text:   tidy    crew  ',
      model: 'offline',
    });
    expect(answer.status).toBe('complete');
    expect(answer.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual([
      'team__tidy-crew:success',
    ]);
    expect(answer.response).toContain('tidy crew');
    const runs = await testApp.app.agentCoop.teams.listRuns(alice, team.id);
    expect(runs.items).toMatchObject([{ status: 'succeeded', input: 'clean this text:   tidy    crew' }]);
    // Bob has no such team: his message is an ordinary one.
    const offline = await chat('bob', { message: '@tidy-crew clean this', model: 'offline' });
    expect(offline.tool_calls).toEqual([]);
    expect(offline.response).toContain('not available');
  });

  it('is an ordinary message when the user may not ask that agent', async () => {
    model.script({ text: 'Who is that?' });
    const before = model.requests.length;
    const answer = await chat('bob', { message: '@echoer say hi' });
    expect(answer).toMatchObject({ response: 'Who is that?', tool_calls: [] });
    expect(model.requests.slice(before)[0]?.toolChoice ?? 'auto').toBe('auto');
    const offline = await chat('bob', { message: '@echoer say hi', model: 'offline' });
    expect(offline.response).toContain('not available');
  });
});
