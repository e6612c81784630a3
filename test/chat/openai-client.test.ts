import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

/**
 * What Open WebUI, LibreChat and other OpenAI clients do with Switchboard: the official `openai`
 * client, pointed at /v1 with an API key, lists the models and chats, whole and streamed.
 */
describe('the official OpenAI client against Switchboard', () => {
  let harness: ChatHarness;
  let client: OpenAI;

  beforeAll(async () => {
    harness = await startChatHarness({ models: 'offline' });
    client = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: harness.keys.alice, maxRetries: 0 });
  });
  afterAll(() => harness.close());

  it('lists the allowed models, the default first, in OpenAI’s shape', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual([
      {
        id: 'openai-compatible:fake-model',
        object: 'model',
        created: expect.any(Number),
        owned_by: 'openai-compatible',
      },
      { id: 'offline', object: 'model', created: expect.any(Number), owned_by: 'switchboard' },
    ]);
    expect(models[0]?.created).toBeGreaterThan(1_700_000_000);
  });

  it('describes GET /v1/models in the OpenAPI description', async () => {
    const document = (await (await fetch(`${harness.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { summary?: string; responses: Record<string, unknown> } }>;
    };
    const listing = document.paths['/v1/models']?.get;
    expect(listing?.summary).toMatch(/OpenAI-compatible list of the models/);
    expect(Object.keys(listing?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403']));
  });

  it('refuses to list the models without a valid key', async () => {
    const stranger = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(stranger.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('chats with a listed model, running the user’s tools', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'Asked through the OpenAI client' } }] },
      { text: 'Added it.' },
    );
    const [first] = (await client.models.list()).data;
    const completion = await client.chat.completions.create({
      model: first?.id ?? '',
      messages: [{ role: 'user', content: 'add a task' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('openai-compatible:fake-model');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Added it.' });
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    const alice = actingAs({ userId: harness.userIds.alice, role: 'user' });
    const tasks = await harness.testApp.app.tasks.list(alice, {});
    expect(tasks.items.map((task) => task.title)).toContain('Asked through the OpenAI client');
  });

  it('streams a reply chunk by chunk', async () => {
    harness.model.script({ text: 'One two three' });
    const stream = await client.chat.completions.create({
      model: 'openai-compatible:fake-model',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
    });
    const pieces: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      pieces.push(chunk.choices[0]?.delta.content ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(pieces.join('')).toBe('One two three');
    expect(pieces.filter(Boolean).length).toBeGreaterThan(1);
    expect(finish).toBe('stop');
  });

  it('chats with the built-in assistant when the client picks it', async () => {
    const completion = await client.chat.completions.create({
      model: 'offline',
      messages: [{ role: 'user', content: 'help' }],
    });
    expect(completion.model).toBe('offline');
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });
});
