import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { readSse } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe('the models endpoint and the OpenAI-compatible API', () => {
  let harness: ChatHarness;
  let adminKey: string;

  beforeAll(async () => {
    harness = await startChatHarness({ models: 'offline' });
    await seedUser(harness.testApp.app, { email: 'root@example.com', role: 'admin' });
    adminKey = (
      await createApiKey(harness.testApp.app, await signIn(harness.testApp.app, 'root@example.com'), [
        'api:read',
        'api:write',
        'admin',
      ])
    ).key;
  });
  afterAll(() => harness.close());

  const asAdmin = (path: string, init: RequestInit = {}) =>
    fetch(`${harness.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    });

  it("lists the allowed models and each provider's status, asking the server what it has", async () => {
    const response = await harness.request('alice', '/api/v1/models');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      default_model: 'openai-compatible:fake-model',
      models: [
        { id: 'openai-compatible:fake-model', provider: 'openai-compatible', name: 'fake-model' },
        { id: 'offline', provider: 'offline', name: 'assistant' },
      ],
      providers: [
        { provider: 'openai-compatible', state: 'ready', message: null, installed_models: ['fake-model'] },
        { provider: 'offline', state: 'ready', message: null },
      ],
    });
  });

  it('lets only an admin choose the default and the list, and then holds users to it', async () => {
    const earlier = (await (
      await harness.chat('alice', { message: 'hi', model: 'openai-compatible:fake-model' }, { json: true })
    ).json()) as { conversation_id: string };
    const choice = { default_model: 'offline', allowed_models: ['offline', 'ollama:qwen2.5:14b'] };
    const denied = await harness.request('alice', '/api/v1/admin/models', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(choice),
    });
    expect(denied.status).toBe(403);

    const badDefault = await asAdmin('/api/v1/admin/models', {
      method: 'PUT',
      body: JSON.stringify({ default_model: 'openai:gpt-4.1', allowed_models: ['offline'] }),
    });
    expect(badDefault.status).toBe(400);

    const saved = await asAdmin('/api/v1/admin/models', { method: 'PUT', body: JSON.stringify(choice) });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as {
      default_model: string;
      providers: { provider: string; state: string }[];
    };
    expect(body.default_model).toBe('offline');
    expect(body.providers.find((status) => status.provider === 'ollama')?.state).toBe('unreachable');

    const refused = await harness.chat(
      'alice',
      { message: 'hi', model: 'openai-compatible:fake-model' },
      { json: true },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'MODEL_NOT_ALLOWED' } });

    const continued = await harness.chat(
      'alice',
      { conversation_id: earlier.conversation_id, message: 'add tea to my list' },
      { json: true },
    );
    expect(await continued.json()).toMatchObject({
      status: 'complete',
      tool_calls: [{ tool: 'add_task', status: 'success' }],
    });

    const restore = {
      default_model: 'openai-compatible:fake-model',
      allowed_models: ['openai-compatible:fake-model', 'offline'],
    };
    expect(
      (await asAdmin('/api/v1/admin/models', { method: 'PUT', body: JSON.stringify(restore) })).status,
    ).toBe(200);
  });

  it('answers /v1/chat/completions with the assistant, running the user’s tools, with tokens per second', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'From an OpenAI client' } }] },
      { text: 'Added.' },
    );
    const response = await harness.request('alice', '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'switchboard', messages: [{ role: 'user', content: 'add a task' }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'openai-compatible:fake-model',
      choices: [{ message: { role: 'assistant', content: 'Added.' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 20,
        completion_tokens: 6,
        total_tokens: 26,
        tokens_per_second: expect.any(Number),
      },
    });
    const alice = actingAs({ userId: harness.userIds.alice, role: 'user' });
    const tasks = await harness.testApp.app.tasks.list(alice, {});
    expect(tasks.items.map((task) => task.title)).toContain('From an OpenAI client');
    expect(harness.model.requests.at(-1)?.tools).not.toContain('delete_task');
  });

  it('streams /v1/chat/completions as chat.completion.chunk events ending with usage and [DONE]', async () => {
    harness.model.script({ text: 'One two three' });
    const response = await harness.request('alice', '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'count' }] }),
    });
    const events: string[] = [];
    for await (const event of readSse(response)) events.push(event.data);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events
      .slice(0, -1)
      .map((data) => JSON.parse(data) as { choices: { delta: { content?: string } }[]; usage?: object });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('One two three');
    expect(chunks.at(-1)?.usage).toMatchObject({
      completion_tokens: 3,
      tokens_per_second: expect.any(Number),
    });
  });

  it('answers a model failure with its code, whole or streamed', async () => {
    const failing = { status: 500, error: 'the model fell over' } as const;
    harness.model.script(failing, failing, failing, failing);
    const whole = await harness.request('alice', '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(whole.status).toBe(503);
    expect(await whole.json()).toMatchObject({
      error: { code: 'MODEL_ERROR', message: expect.stringMatching(/HTTP 500/) },
    });

    const streamed = await harness.request('alice', '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const events: string[] = [];
    for await (const event of readSse(streamed)) events.push(event.data);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) ?? '{}')).toMatchObject({ error: { code: 'MODEL_ERROR' } });
  });

  it('needs credentials', async () => {
    const response = await fetch(`${harness.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(401);
  });
});
