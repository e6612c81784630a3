import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError, PromptListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('prompts over MCP', () => {
  let testApp: TestApp;
  let client: Client;
  let bobsClient: Client;
  let aliceActor: UserActor;

  let url: string;
  const connect = async (key: string) => {
    const connected = new Client({ name: 'prompt-test', version: '1.0.0' });
    await connected.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    return connected;
  };

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    url = await testApp.app.listen();
    const alice = await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceActor = actingAs({ userId: alice.id, role: 'user', via: 'http' });
    await testApp.app.prompts.create(aliceActor, {
      name: 'review',
      title: 'Code review',
      description: 'Review code in a language',
      template: 'Review this {{language}} code:\n{{code}}',
      arguments: [
        { name: 'language', enum: ['TypeScript', 'Python'], required: true },
        { name: 'code', required: true },
      ],
    });
    await testApp.app.prompts.create(aliceActor, { name: 'private-note', template: 'secret' });
    client = await connect(
      (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'), ['mcp'])).key,
    );
    bobsClient = await connect(
      (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'), ['mcp'])).key,
    );
  });
  afterAll(async () => {
    await Promise.all([client.close(), bobsClient.close()]);
    await testApp.close();
  });

  it('lists the user’s prompts with their arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.find((prompt) => prompt.name === 'review')).toMatchObject({
      title: 'Code review',
      arguments: [
        { name: 'language', required: true },
        { name: 'code', required: true },
      ],
    });
    expect((await bobsClient.listPrompts()).prompts.map((prompt) => prompt.name)).not.toContain('review');
  });

  it('renders a prompt with its arguments, and refuses missing or invalid ones with -32602', async () => {
    const result = await client.getPrompt({
      name: 'review',
      arguments: { language: 'TypeScript', code: 'let x = 1' },
    });
    expect(result.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Review this TypeScript code:\nlet x = 1' } },
    ]);
    const missing = await client
      .getPrompt({ name: 'review', arguments: { language: 'Python' } })
      .catch((error) => error);
    expect(missing).toBeInstanceOf(McpError);
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toContain('arguments.code');
    const unknown = await bobsClient.getPrompt({ name: 'review' }).catch((error) => error);
    expect(unknown.code).toBe(ErrorCode.InvalidParams);
  });

  it('tells the owner’s sessions when their prompts change, and everyone’s when a shared one does', async () => {
    const changed = { alice: 0, bob: 0 };
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => void changed.alice++);
    bobsClient.setNotificationHandler(PromptListChangedNotificationSchema, () => void changed.bob++);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

    await testApp.app.prompts.create(aliceActor, { name: 'fresh', template: 'New' });
    await settle();
    expect(changed).toEqual({ alice: 1, bob: 0 });

    await testApp.app.prompts.create(aliceActor, {
      name: 'for-everyone',
      template: 'Hi all',
      visibility: 'shared',
    });
    await settle();
    expect(changed).toEqual({ alice: 2, bob: 1 });
    expect((await bobsClient.listPrompts()).prompts.map((prompt) => prompt.name)).toContain('for-everyone');
  });

  it('completes argument values from the enum and from earlier use', async () => {
    const language = await client.complete({
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'language', value: 'ty' },
    });
    expect(language.completion.values).toEqual(['TypeScript']);
    const code = await client.complete({
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'code', value: 'let' },
    });
    expect(code.completion.values).toEqual(['let x = 1']);
  });
});
