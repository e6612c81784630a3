import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  McpError,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { onePixelPng } from '../helpers/sample-files.js';

/** Resolves with the first notification of a kind that satisfies `matches`, or rejects after a while. */
function nextNotification<T>(
  client: Client,
  schema: Parameters<Client['setNotificationHandler']>[0],
  matches: (notification: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notification arrived')), 5_000);
    client.setNotificationHandler(schema, (notification) => {
      if (!matches(notification as T)) return;
      clearTimeout(timer);
      resolve(notification as T);
    });
  });
}

describe('documents and tasks as MCP resources', () => {
  let testApp: TestApp;
  let url: string;
  let alice: Client;
  let bob: Client;
  let aliceActor: UserActor;
  let bobActor: UserActor;

  const connect = async (key: string) => {
    const client = new Client({ name: 'resource-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    return client;
  };

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    url = await testApp.app.listen();
    const aliceUser = await seedUser(testApp.app, { email: 'alice@example.com' });
    const bobUser = await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceActor = actingAs({ userId: aliceUser.id, role: 'user', via: 'http' });
    bobActor = actingAs({ userId: bobUser.id, role: 'user', via: 'http' });
    alice = await connect(
      (await createApiKey(testApp.app, await signIn(testApp.app, 'alice@example.com'), ['mcp'])).key,
    );
    bob = await connect(
      (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'), ['mcp'])).key,
    );
  });
  afterAll(async () => {
    await Promise.all([alice.close(), bob.close()]);
    await testApp.close();
  });

  it('lists the user’s own documents and the shared ones, a page at a time', async () => {
    const resources = testApp.app.resources;
    for (let index = 0; index < 55; index++)
      await resources.create(aliceActor, { kind: 'text', name: `Note ${index}`, content: `note ${index}` });
    const shared = await resources.create(bobActor, {
      kind: 'text',
      name: 'Bob’s shared',
      content: 'hi',
      visibility: 'shared',
    });
    const hidden = await resources.create(bobActor, { kind: 'text', name: 'Bob’s private', content: 'no' });

    const listed: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await alice.listResources(cursor ? { cursor } : {});
      listed.push(...page.resources.map((resource) => resource.uri));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(listed).toHaveLength(56);
    expect(listed).toContain(shared.uri);
    expect(listed).not.toContain(hidden.uri);
  });

  it('reads text as text and an image as a blob, and hides what the user may not see', async () => {
    const noteResource = await testApp.app.resources.create(aliceActor, {
      kind: 'text',
      name: 'Plan',
      content: '# Plan',
    });
    const read = await alice.readResource({ uri: noteResource.uri });
    expect(read.contents).toEqual([{ uri: noteResource.uri, mimeType: 'text/markdown', text: '# Plan' }]);

    const image = await testApp.app.resources.upload(
      aliceActor,
      { filename: 'pixel.png', bytes: onePixelPng },
      {},
    );
    const blob = await alice.readResource({ uri: image.uri });
    expect(blob.contents[0]).toMatchObject({ mimeType: 'image/png', blob: onePixelPng.toString('base64') });

    const refused = await bob.readResource({ uri: noteResource.uri }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(McpError);
    expect((refused as McpError).code).toBe(-32002);
    const unknown = await alice
      .readResource({ uri: 'switchboard://nothing/1' })
      .catch((error: unknown) => error);
    expect((unknown as McpError).code).toBe(-32002);
  });

  it('reads a task by its template, and completes ids of the user’s own tasks and documents', async () => {
    const { resourceTemplates } = await alice.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([
      'switchboard://context/{space}/{key}',
      'switchboard://memories/{id}',
      'switchboard://resources/{id}',
      'switchboard://tasks/{id}',
    ]);
    const task = await testApp.app.tasks.add(aliceActor, { title: 'Water the plants' });
    const read = await alice.readResource({ uri: `switchboard://tasks/${task.id}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({
      id: task.id,
      title: 'Water the plants',
    });
    expect(
      (await bob.readResource({ uri: `switchboard://tasks/${task.id}` }).catch((error: McpError) => error))
        .code,
    ).toBe(-32002);

    const completion = await alice.complete({
      ref: { type: 'ref/resource', uri: 'switchboard://tasks/{id}' },
      argument: { name: 'id', value: task.id.slice(0, 10) },
    });
    expect(completion.completion.values).toContain(task.id);
    const bobsCompletion = await bob.complete({
      ref: { type: 'ref/resource', uri: 'switchboard://tasks/{id}' },
      argument: { name: 'id', value: task.id.slice(0, 10) },
    });
    expect(bobsCompletion.completion.values).toEqual([]);
    const documents = await alice.complete({
      ref: { type: 'ref/resource', uri: 'switchboard://resources/{id}' },
      argument: { name: 'id', value: '' },
    });
    expect(documents.completion.values.length).toBeGreaterThan(0);
  });

  it('tells a subscriber when the document changes from any surface, and nobody else', async () => {
    const resource = await testApp.app.resources.create(aliceActor, {
      kind: 'text',
      name: 'Watched',
      content: 'v1',
    });
    await alice.subscribeResource({ uri: resource.uri });
    const updated = nextNotification<{ params: { uri: string } }>(
      alice,
      ResourceUpdatedNotificationSchema,
      (n) => n.params.uri === resource.uri,
    );
    let bobHeard = false;
    bob.setNotificationHandler(ResourceUpdatedNotificationSchema, () => {
      bobHeard = true;
    });
    await testApp.app.resources.update(aliceActor, resource.id, { content: 'v2' });
    expect((await updated).params.uri).toBe(resource.uri);
    expect(bobHeard).toBe(false);

    await alice.unsubscribeResource({ uri: resource.uri });
  });

  it('refuses a subscription to another user’s private document exactly as to a URI that names nothing', async () => {
    const secret = await testApp.app.resources.create(aliceActor, {
      kind: 'text',
      name: 'Alice’s secret',
      content: 'v1',
    });
    const missing = 'switchboard://resources/01J00000000000000000000000';
    const refusal = (uri: string) =>
      bob.subscribeResource({ uri }).then(
        () => 'subscribed',
        (error: McpError) => ({ code: error.code, message: error.message.replace(uri, '<uri>') }),
      );
    const refused = await refusal(secret.uri);
    expect(refused).toEqual({ code: -32002, message: expect.stringContaining('not found') });
    expect(refused).toEqual(await refusal(missing));

    let bobHeard = false;
    bob.setNotificationHandler(ResourceUpdatedNotificationSchema, () => {
      bobHeard = true;
    });
    await alice.subscribeResource({ uri: secret.uri });
    const aliceHears = nextNotification(
      alice,
      ResourceUpdatedNotificationSchema,
      (n: { params: { uri: string } }) => n.params.uri === secret.uri,
    );
    await testApp.app.resources.update(aliceActor, secret.id, { content: 'v2' });
    await aliceHears;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bobHeard).toBe(false);
  });

  it('tells a task’s subscriber when the task changes', async () => {
    const task = await testApp.app.tasks.add(aliceActor, { title: 'Subscribed task' });
    const uri = `switchboard://tasks/${task.id}`;
    await alice.subscribeResource({ uri });
    const updated = nextNotification<{ params: { uri: string } }>(
      alice,
      ResourceUpdatedNotificationSchema,
      (n) => n.params.uri === uri,
    );
    await testApp.app.tasks.complete(aliceActor, task.id);
    expect((await updated).params.uri).toBe(uri);
  });

  it('tells the owner when their list changes, and everyone when a shared document appears', async () => {
    const aliceHears = nextNotification(alice, ResourceListChangedNotificationSchema);
    let bobHeardPrivate = false;
    bob.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      bobHeardPrivate = true;
    });
    await testApp.app.resources.create(aliceActor, { kind: 'text', name: 'Private', content: 'x' });
    await aliceHears;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bobHeardPrivate).toBe(false);

    const bobHears = nextNotification(bob, ResourceListChangedNotificationSchema);
    await testApp.app.resources.create(aliceActor, {
      kind: 'text',
      name: 'For all',
      content: 'x',
      visibility: 'shared',
    });
    await bobHears;
  });
});
