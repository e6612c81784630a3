import { type Message, Role, type StreamResponse, type Task, TaskState } from '@a2a-js/sdk';
import {
  type Client,
  ClientFactory,
  ClientFactoryOptions,
  DefaultAgentCardResolver,
  JsonRpcTransportFactory,
} from '@a2a-js/sdk/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { type FakeModelServer, startFakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** A fetch that sends the user's API key, as an A2A client configured with a bearer token does. */
const withKey =
  (key: string): typeof fetch =>
  (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${key}`);
    return fetch(input, { ...init, headers });
  };

/** The official A2A client for one of our agents, found by its card. */
async function clientFor(baseUrl: string, agentId: string, key: string): Promise<Client> {
  const fetchImpl = withKey(key);
  const factory = new ClientFactory(
    ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
      transports: [new JsonRpcTransportFactory({ fetchImpl })],
      cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
    }),
  );
  return factory.createFromUrl(`${baseUrl}/a2a/agents/${agentId}/`);
}

function userMessage(text: string): Message {
  return {
    messageId: randomUUID(),
    contextId: '',
    taskId: '',
    role: Role.ROLE_USER,
    parts: [
      { content: { $case: 'text', value: text }, mediaType: 'text/plain', filename: '', metadata: undefined },
    ],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

const send = (text: string, returnImmediately = false) => ({
  tenant: '',
  message: userMessage(text),
  configuration: {
    acceptedOutputModes: ['text/plain'],
    taskPushNotificationConfig: undefined,
    returnImmediately,
  },
  metadata: undefined,
});

/** Every tool an MCP client lists, page after page. */
async function allToolNames(client: Awaited<ReturnType<typeof connectMcpClient>>): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    names.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return names;
}

/** The words of a task's status message. */
const statusText = (task: Task) =>
  (task.status?.message?.parts ?? [])
    .map((part) => (part.content?.$case === 'text' ? part.content.value : ''))
    .join('');

const textOfArtifacts = (task: Task) =>
  task.artifacts
    .flatMap((artifact) =>
      artifact.parts.map((part) => (part.content?.$case === 'text' ? part.content.value : '')),
    )
    .join('');

describe('our agents over A2A, with the official A2A client', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let baseUrl: string;
  let alice: { actor: UserActor; key: string; cookie: string };
  let bob: { actor: UserActor; key: string; cookie: string };
  let sharedAgentId: string;
  let privateAgentId: string;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: {
        model: 'openai-compatible:fake-model',
        modelBaseUrl: model.baseUrl,
        fetchAllowedHosts: '127.0.0.1',
      },
    });
    baseUrl = await testApp.app.listen();
    const seed = async (name: string) => {
      const user = await seedUser(testApp.app, { email: `${name}@example.com` });
      const cookie = await signIn(testApp.app, `${name}@example.com`);
      return {
        actor: actingAs({ userId: user.id, role: 'user', via: 'http' }),
        key: (await createApiKey(testApp.app, cookie)).key,
        cookie,
      };
    };
    alice = await seed('alice');
    bob = await seed('bob');
    const agents = testApp.app.agents;
    sharedAgentId = (
      await agents.create(alice.actor, {
        name: 'greeter',
        description: 'Greets whoever writes',
        instructions: 'Greet the user warmly.',
        capabilities: [{ name: 'greet', description: 'Says hello' }],
        visibility: 'shared',
      })
    ).id;
    privateAgentId = (
      await agents.create(alice.actor, { name: 'diary', description: 'Alice’s private diary' })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  it('serves the agent card, with a skill per capability and bearer authentication', async () => {
    const response = await fetch(`${baseUrl}/a2a/agents/${sharedAgentId}/.well-known/agent-card.json`, {
      headers: { authorization: `Bearer ${bob.key}` },
    });
    expect(response.status).toBe(200);
    const card = await response.json();
    expect(card).toMatchObject({
      name: 'greeter',
      description: 'Greets whoever writes',
      supportedInterfaces: [
        { url: `${baseUrl}/a2a/agents/${sharedAgentId}`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' },
      ],
      capabilities: { streaming: true },
      skills: [{ id: 'greet', name: 'greet', description: 'Says hello' }],
      securitySchemes: { bearer: { httpAuthSecurityScheme: { scheme: 'Bearer' } } },
    });
    expect((await fetch(`${baseUrl}/a2a/agents/${sharedAgentId}/.well-known/agent-card.json`)).status).toBe(
      401,
    );
  });

  it('answers message/send with a completed task whose artifact is the run’s output, and gets the task', async () => {
    model.script({ text: 'Hello Bob, nice to meet you!' });
    const client = await clientFor(baseUrl, sharedAgentId, bob.key);
    const result = await client.sendMessage(send('Hi, I am Bob'));
    expect('status' in result).toBe(true);
    const task = result as Task;
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(textOfArtifacts(task)).toBe('Hello Bob, nice to meet you!');
    // The task is an agent run of Bob's, on the durable engine.
    const run = await testApp.app.agentRuns.get(bob.actor, String(task.metadata?.run_id));
    expect(run).toMatchObject({ agent_id: sharedAgentId, status: 'succeeded', input: 'Hi, I am Bob' });

    const got = await client.getTask({ tenant: '', id: task.id, historyLength: undefined });
    expect(got.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(textOfArtifacts(got)).toBe('Hello Bob, nice to meet you!');

    // Alice asks the same agent for Bob's task: not found.
    const aliceClient = await clientFor(baseUrl, sharedAgentId, alice.key);
    await expect(aliceClient.getTask({ tenant: '', id: task.id, historyLength: undefined })).rejects.toThrow(
      /not found/i,
    );
  });

  it('streams message/stream: the task, working, the output artifact, then completed', async () => {
    model.script({ text: 'Streaming hello to you', delayMs: 100 });
    const client = await clientFor(baseUrl, sharedAgentId, alice.key);
    const events: StreamResponse[] = [];
    for await (const event of client.sendMessageStream(send('Stream me a greeting'))) events.push(event);
    const kinds = events.map((event) => event.payload?.$case);
    expect(kinds[0]).toBe('task');
    expect(kinds).toContain('artifactUpdate');
    const statuses = events.flatMap((event) =>
      event.payload?.$case === 'statusUpdate' ? [event.payload.value.status?.state] : [],
    );
    expect(statuses).toContain(TaskState.TASK_STATE_WORKING);
    expect(statuses.at(-1)).toBe(TaskState.TASK_STATE_COMPLETED);
    const artifactText = events
      .flatMap((event) =>
        event.payload?.$case === 'artifactUpdate' ? (event.payload.value.artifact?.parts ?? []) : [],
      )
      .map((part) => (part.content?.$case === 'text' ? part.content.value : ''))
      .join('');
    expect(artifactText).toContain('Streaming hello to you');
    // The text came as it was written (appended parts), then whole with the end.
    const updates = events.flatMap((event) =>
      event.payload?.$case === 'artifactUpdate' ? [event.payload.value] : [],
    );
    expect(updates.filter((update) => update.append).length).toBeGreaterThan(1);
    expect(updates.at(-1)).toMatchObject({ append: false, lastChunk: true });
  });

  it('cancels a task: its run is cancelled too', async () => {
    model.script({ text: Array.from({ length: 60 }, (_, index) => `word${index}`).join(' '), delayMs: 250 });
    const client = await clientFor(baseUrl, sharedAgentId, bob.key);
    const asked = model.requests.length;
    const started = (await client.sendMessage(send('Tell me a long story', true))) as Task;
    const runId = String(started.metadata?.run_id);
    await vi.waitFor(
      async () => expect((await testApp.app.agentRuns.get(bob.actor, runId)).status).toBe('running'),
      {
        timeout: 30_000,
        interval: 100,
      },
    );
    // The model is answering (its scripted turn taken), so the cancel stops a run mid-answer.
    await vi.waitFor(() => expect(model.requests.length).toBeGreaterThan(asked), {
      timeout: 30_000,
      interval: 50,
    });
    const cancelled = await client.cancelTask({ tenant: '', id: started.id, metadata: undefined });
    expect(cancelled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    expect((await testApp.app.agentRuns.get(bob.actor, runId)).status).toBe('cancelled');
    const got = await client.getTask({ tenant: '', id: started.id, historyLength: undefined });
    expect(got.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
  });

  it('holds a destructive call as input-required; an explicit answer from the client makes the call', async () => {
    const { agents, agentRuns, tasks } = testApp.app;
    const tidier = await agents.create(alice.actor, {
      name: 'a2a-tidier',
      description: 'Deletes tasks',
      tools: ['delete_task'],
    });
    const doomed = (await tasks.add(alice.actor, { title: 'Old A2A thing' })).id;
    model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: doomed } }] },
      { text: 'Deleted the old thing.' },
    );
    const client = await clientFor(baseUrl, tidier.id, alice.key);
    const held = (await client.sendMessage(send('Delete the old thing'))) as Task;
    expect(held.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    const run = await agentRuns.get(alice.actor, String(held.metadata?.run_id));
    const approvalId = run.approvals[0]?.approval_id ?? '';
    // The task says which call waits, under which id, and how to answer.
    expect(statusText(held)).toContain(`${approvalId}: delete_task`);
    const followUp = (text: string) => ({
      ...send(text),
      message: { ...userMessage(text), taskId: held.id, contextId: held.contextId },
    });

    // "ok" names no call: nothing is answered, the run waits on, and the task says why.
    const vague = (await client.sendMessage(followUp('ok'))) as Task;
    expect(vague.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    expect(statusText(vague)).toMatch(/Nothing was answered: "ok" is not an answer/);
    expect((await agentRuns.get(alice.actor, run.id)).status).toBe('waiting');
    expect((await tasks.get(alice.actor, doomed)).title).toBe('Old A2A thing');

    const answered = (await client.sendMessage(followUp(`approve ${approvalId}`))) as Task;
    expect(answered.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(textOfArtifacts(answered)).toBe('Deleted the old thing.');
    await expect(tasks.get(alice.actor, doomed)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  it('hides another user’s private agent: its card and its endpoint answer 404', async () => {
    const card = await fetch(`${baseUrl}/a2a/agents/${privateAgentId}/.well-known/agent-card.json`, {
      headers: { authorization: `Bearer ${bob.key}` },
    });
    expect(card.status).toBe(404);
    expect(((await card.json()) as { error: { code: string } }).error.code).toBe('AGENT_NOT_FOUND');
    const call = await fetch(`${baseUrl}/a2a/agents/${privateAgentId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bob.key}`,
        'content-type': 'application/json',
        'a2a-version': '1.0',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'GetTask', params: { id: 'anything' } }),
    });
    expect(call.status).toBe(404);
    // Its owner reaches it.
    const own = await fetch(`${baseUrl}/a2a/agents/${privateAgentId}/.well-known/agent-card.json`, {
      headers: { authorization: `Bearer ${alice.key}` },
    });
    expect(own.status).toBe(200);
  });

  it('adds an external A2A agent by its card URL and calls it as the tool a2a__<name>', async () => {
    model.script({ text: 'Hello from the far side' });
    const added = await fetch(`${baseUrl}/api/v1/a2a/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        card_url: `${baseUrl}/a2a/agents/${sharedAgentId}/.well-known/agent-card.json`,
        token: bob.key,
      }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const remote = (await added.json()) as { id: string };
    expect(remote).toMatchObject({
      name: 'greeter',
      tool: 'a2a__greeter',
      has_token: true,
      skills: [{ id: 'greet' }],
    });
    expect(remote).not.toHaveProperty('token');

    const tools = await testApp.app.agentsMarket.remoteAgents.toolSource.toolsFor(bob.actor);
    const tool = tools.find((candidate) => candidate.name === 'a2a__greeter');
    expect(tool).toBeDefined();
    const answer = await tool?.call({ message: 'Hello?' }, new AbortController().signal);
    expect(answer).toMatchObject({
      isError: false,
      structuredContent: { state: 'completed', answer: 'Hello from the far side' },
    });

    // Over MCP too: listed and callable as Bob's tool.
    model.script({ text: 'Hello over MCP' });
    const mcp = await connectMcpClient(testApp, { url: baseUrl, cookie: bob.cookie, name: 'bob' });
    try {
      expect(await allToolNames(mcp)).toContain('a2a__greeter');
      const called = await mcp.callTool({ name: 'a2a__greeter', arguments: { message: 'Hi' } });
      expect(called.isError).toBeFalsy();
      expect(called.structuredContent).toMatchObject({ state: 'completed', answer: 'Hello over MCP' });
    } finally {
      await mcp.close();
    }
    const aliceMcp = await connectMcpClient(testApp, { url: baseUrl, cookie: alice.cookie, name: 'alice' });
    try {
      expect(await allToolNames(aliceMcp)).not.toContain('a2a__greeter');
    } finally {
      await aliceMcp.close();
    }

    // Another user neither sees it nor has its tool.
    const other = await fetch(`${baseUrl}/api/v1/a2a/agents/${remote.id}`, {
      headers: { authorization: `Bearer ${alice.key}` },
    });
    expect(other.status).toBe(404);
    const aliceTools = await testApp.app.agentsMarket.remoteAgents.toolSource.toolsFor(alice.actor);
    expect(aliceTools.map((candidate) => candidate.name)).not.toContain('a2a__greeter');
  });

  it('refuses a card URL the URL guard does not allow', async () => {
    const refused = await fetch(`${baseUrl}/api/v1/a2a/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ card_url: 'http://10.0.0.1/.well-known/agent-card.json' }),
    });
    expect(refused.status).toBe(400);
  });
});
