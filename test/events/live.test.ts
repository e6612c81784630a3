import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireEvent } from '../../src/modules/events/index.js';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** A WebSocket client on /api/v1/events that keeps every event it receives. */
async function follow(
  base: string,
  { query = '', headers = {} }: { query?: string; headers?: Record<string, string> },
) {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/events${query}`, { headers });
  const received: WireEvent[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as WireEvent));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

/** The HTTP status and body an upgrade was refused with. */
function refusal(
  base: string,
  { query = '', headers = {} }: { query?: string; headers?: Record<string, string> },
) {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/events${query}`, { headers });
  return new Promise<{ status: number; code: string }>((resolve, reject) => {
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, code: JSON.parse(body).error.code }),
      );
    });
  });
}

describe('live events over WebSocket', () => {
  let testApp: TestApp;
  let base: string;
  let aliceCookie: string;
  let aliceKey: string;
  let bobCookie: string;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  const sockets: WebSocket[] = [];
  const open = async (options: Parameters<typeof follow>[1]) => {
    const followed = await follow(base, options);
    sockets.push(followed.socket);
    return followed;
  };

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    base = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceCookie = await signIn(testApp.app, 'alice@example.com');
    bobCookie = await signIn(testApp.app, 'bob@example.com');
    aliceKey = (await createApiKey(testApp.app, aliceCookie, ['api:read'])).key;
    alice = as(testApp.app, { cookie: aliceCookie });
    bob = as(testApp.app, { cookie: bobCookie });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await testApp.close();
  });

  const addTask = (caller: ReturnType<typeof as>, title: string) =>
    caller({ method: 'POST', url: '/api/v1/tasks', payload: { title } }).then(
      (response) => response.json().id as string,
    );

  it('sends the user each new event of theirs, and none of another user’s', async () => {
    const aliceSocket = await open({ headers: { authorization: `Bearer ${aliceKey}` } });
    const bobSocket = await open({ headers: { cookie: bobCookie, origin: base } });
    const taskId = await addTask(alice, 'Seen live');
    await expect.poll(() => aliceSocket.received.map((event) => event.type)).toContain('task.created');
    const created = aliceSocket.received.find((event) => event.type === 'task.created');
    expect(created).toMatchObject({
      type: 'task.created',
      actor: { via: 'http' },
      data: { task_id: taskId },
    });
    expect(created?.actor.user_id).toEqual(expect.any(String));
    expect(Date.parse(created?.at ?? '')).not.toBeNaN();

    // Bob's own event arrives after Alice's was published: had Alice's reached him, it would be first.
    const bobsTask = await addTask(bob, 'Bob’s own');
    await expect.poll(() => bobSocket.received.length).toBeGreaterThan(0);
    expect(bobSocket.received.map((event) => (event.data as { task_id?: string }).task_id)).not.toContain(
      taskId,
    );
    expect(bobSocket.received[0]).toMatchObject({ type: 'task.created', data: { task_id: bobsTask } });
  });

  it('sends only the types asked for', async () => {
    const completions = await open({
      query: '?types=task.completed,prompt.*',
      headers: { authorization: `Bearer ${aliceKey}` },
    });
    const taskId = await addTask(alice, 'To finish');
    await alice({ method: 'PATCH', url: `/api/v1/tasks/${taskId}`, payload: { status: 'completed' } });
    await expect.poll(() => completions.received.length).toBeGreaterThan(0);
    expect(completions.received.map((event) => event.type)).toEqual(['task.completed']);
  });

  it('refuses the upgrade without valid credentials, scope or a trusted origin, as plain HTTP', async () => {
    expect(await refusal(base, {})).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refusal(base, { headers: { authorization: 'Bearer sb_not-a-key' } })).toEqual({
      status: 401,
      code: 'INVALID_API_KEY',
    });
    const mcpOnly = (await createApiKey(testApp.app, aliceCookie, ['mcp'])).key;
    expect(await refusal(base, { headers: { authorization: `Bearer ${mcpOnly}` } })).toEqual({
      status: 403,
      code: 'MISSING_SCOPE',
    });
    expect(await refusal(base, { headers: { cookie: aliceCookie, origin: 'https://evil.example' } })).toEqual(
      {
        status: 403,
        code: 'CROSS_SITE_WEBSOCKET',
      },
    );
    expect(
      await refusal(base, { query: '?types=Task.*', headers: { authorization: `Bearer ${aliceKey}` } }),
    ).toEqual({ status: 400, code: 'INVALID_INPUT' });
  });

  it('closes the socket when its API key is revoked', async () => {
    const { api_key: apiKey, key } = await createApiKey(testApp.app, aliceCookie, ['api:read']);
    const doomed = await open({ headers: { authorization: `Bearer ${key}` } });
    await alice({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}` });
    expect((await doomed.closed).code).toBe(1008);
  });

  it('ends the sockets when the server shuts down', async () => {
    const lastOne = await open({ headers: { authorization: `Bearer ${aliceKey}` } });
    await testApp.app.close();
    expect((await lastOne.closed).code).toBeGreaterThan(0);
  });
});
