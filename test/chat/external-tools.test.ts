import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpTestServer } from '../helpers/mcp-test-server.js';
import { uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe("the user's own MCP servers in the chat", () => {
  let harness: ChatHarness;
  let remote: Awaited<ReturnType<typeof startMcpTestServer>>;

  beforeAll(async () => {
    remote = await startMcpTestServer();
    harness = await startChatHarness({ fetchAllowedHosts: '127.0.0.1' });
    const added = await harness.request('alice', '/api/v1/mcp-servers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fixture', url: remote.url }),
    });
    expect(added.status).toBe(201);
  });
  afterAll(async () => {
    await harness.close();
    await remote.stop();
  });

  it("offers the server's tools to the model, namespaced, and runs them for their owner only", async () => {
    harness.model.script(
      { toolCalls: [{ name: 'fixture__echo', arguments: { text: 'ping' } }] },
      { text: 'It said ping.' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'echo ping' }));
    expect(harness.model.requests.at(-2)?.tools).toEqual(
      expect.arrayContaining(['fixture__echo', 'add_task']),
    );
    expect(chunks.find((chunk) => chunk.type === 'tool-output-available')).toMatchObject({
      output: { text: 'ping' },
    });

    await uiChunks(await harness.chat('bob', { message: 'hello' }));
    expect(harness.model.requests.at(-1)?.tools).not.toContain('fixture__echo');
  });

  it('offers a server added after a chat in the very next one', async () => {
    await uiChunks(await harness.chat('bob', { message: 'hello' }));
    const added = await harness.request('bob', '/api/v1/mcp-servers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bobs', url: remote.url }),
    });
    expect(added.status).toBe(201);
    await uiChunks(await harness.chat('bob', { message: 'hello again' }));
    expect(harness.model.requests.at(-1)?.tools).toContain('bobs__echo');
  });

  it('asks before a tool its server marks destructive', async () => {
    harness.model.script({ toolCalls: [{ name: 'fixture__wipe', arguments: {} }] });
    const chunks = await uiChunks(await harness.chat('alice', { message: 'wipe it' }));
    expect(chunks.find((chunk) => chunk.type === 'tool-approval-request')).toBeDefined();
    expect(chunks.find((chunk) => chunk.type === 'tool-output-available')).toBeUndefined();
  });

  it('goes on without the tools of a server that is down', async () => {
    await remote.stop();
    harness.model.script({ text: 'Still here.' });
    const chunks = await uiChunks(await harness.chat('alice', { message: 'are you there?' }));
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });
  });
});
