import { describe, expect, it } from 'vitest';
import { createToolsBodyCache } from './tools-body-cache.js';

/** Serializes a body as the provider does (its transform, then JSON.stringify) and sends it: what was sent. */
async function sentBody(cache: ReturnType<typeof createToolsBodyCache>, body: Record<string, unknown>) {
  await cache.fetch('http://model.test/chat/completions', {
    method: 'POST',
    body: JSON.stringify(cache.transformRequestBody(body)),
  });
  return sent.pop() as string;
}
const sent: string[] = [];
const recorder = (async (_input: unknown, init?: RequestInit) => {
  sent.push(String(init?.body));
  return new Response('{}');
}) as typeof fetch;

const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
const tool = (name: string, description: string, parameters: object = schema) => ({
  type: 'function',
  function: { name, description, parameters },
});

describe('the tools of a model request, serialized once', () => {
  it('sends the very body the provider would have sent, call after call and as descriptions change', async () => {
    const cache = createToolsBodyCache(recorder);
    const message = `"tools":"switchboard-tools-look-alike" and "quotes"`;
    const body = (description: string) => ({
      model: 'fake-model',
      messages: [{ role: 'user', content: message }],
      tools: [tool('add_task', description), tool('list_tasks', 'Lists tasks', { type: 'object' })],
      stream: true,
    });
    for (const description of ['Adds a task', 'Adds a task', 'Adds one task'])
      expect(await sentBody(cache, body(description))).toBe(JSON.stringify(body(description)));
  });

  it('fills in each body its own tools when two calls are made before either is sent', async () => {
    const cache = createToolsBodyCache(recorder);
    const first = { model: 'm', messages: [], tools: [tool('a', 'first')] };
    const second = { model: 'm', messages: [], tools: [tool('b', 'second')] };
    const firstJson = JSON.stringify(cache.transformRequestBody(first));
    const secondJson = JSON.stringify(cache.transformRequestBody(second));
    await cache.fetch('http://model.test', { method: 'POST', body: secondJson });
    await cache.fetch('http://model.test', { method: 'POST', body: firstJson });
    expect(sent.splice(-2)).toEqual([JSON.stringify(second), JSON.stringify(first)]);
  });

  it('leaves a body alone when it has no tools or a tool of another kind', async () => {
    const cache = createToolsBodyCache(recorder);
    const plain = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    const other = { model: 'm', tools: [{ type: 'custom', name: 'x' }] };
    const more = { model: 'm', tools: [{ ...tool('a', 'A'), cache_control: { type: 'ephemeral' } }] };
    const moreInside = { model: 'm', tools: [{ type: 'function', function: { name: 'a', extra: 1 } }] };
    expect(cache.transformRequestBody(plain)).toBe(plain);
    expect(cache.transformRequestBody(other)).toBe(other);
    expect(cache.transformRequestBody(more)).toBe(more);
    expect(cache.transformRequestBody(moreInside)).toBe(moreInside);
    expect(await sentBody(cache, other)).toBe(JSON.stringify(other));
  });

  it('sends each body its own tools when users with different tools take turns', async () => {
    const cache = createToolsBodyCache(recorder);
    const shared = tool('add_task', 'Adds a task');
    const alice = { model: 'm', messages: [], tools: [shared, tool('agent__writer', 'Writes')] };
    const bob = { model: 'm', messages: [], tools: [shared, tool('agent__editor', 'Edits')] };
    for (const body of [alice, bob, alice, bob, alice])
      expect(await sentBody(cache, body)).toBe(JSON.stringify(body));
  });
});
