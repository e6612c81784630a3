import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AnyBusEvent, EventType } from '../../src/bus/events.js';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { databaseKinds } from '../helpers/test-database.js';

const camelCase = /[a-z][A-Z]/;

/** Where a payload departs from the wire style: camelCase keys and Date values, by path. */
function styleProblems(value: unknown, path: string): string[] {
  if (value instanceof Date) return [`${path} is a Date, not an ISO string`];
  if (Array.isArray(value)) return value.flatMap((item, index) => styleProblems(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(camelCase.test(key) ? [`${path}.${key} is camelCase`] : []),
    ...styleProblems(item, `${path}.${key}`),
  ]);
}

/** The event types the flows below publish: one or more from each module. */
const exercised: EventType[] = [
  'user.created',
  'user.updated',
  'api_key.created',
  'api_key.revoked',
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'conversation.created',
  'conversation.updated',
  'conversation.deleted',
  'message.created',
  'message.completed',
  'prompt.created',
  'prompt.updated',
  'prompt.deleted',
  'resource.created',
  'resource.updated',
  'resource.deleted',
  'mcp_server.created',
  'mcp_server.updated',
  'mcp_server.deleted',
  'tool.called',
  'context.space.created',
  'context.member.changed',
  'context.entry.changed',
  'context.space.deleted',
];

describe.each(databaseKinds)('event payloads on %s', (kind) => {
  let testApp: TestApp;
  const published: AnyBusEvent[] = [];
  let stop: () => void;

  beforeAll(async () => {
    // The MCP server below is never reached; its loopback address only has to be allowed.
    testApp = await buildTestApp(kind, { settings: { fetchAllowedHosts: '127.0.0.1' } });
    stop = testApp.app.bus.subscribe('*', (event) => void published.push(event));
  });
  afterAll(async () => {
    stop();
    await testApp.close();
  });

  it('use snake_case keys and no Date values, in every module’s real flows', async () => {
    const { app } = testApp;
    const user = await seedUser(app, { email: 'style@example.com' });
    const alice: UserActor = actingAs({ userId: user.id, role: 'user', via: 'http' });
    const cookie = await signIn(app, 'style@example.com');
    const rest = as(app, { cookie });

    await app.identity.users.updateProfile(alice, { name: 'Alice Style' });
    const { api_key } = await createApiKey(app, cookie);
    await app.identity.apiKeys.revoke(alice, api_key.id);

    const task = (await rest({ method: 'POST', url: '/api/v1/tasks', payload: { title: 'Styled' } })).json();
    await rest({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { status: 'completed' } });
    await rest({ method: 'DELETE', url: `/api/v1/tasks/${task.id}` });
    await callToolOverRest(app, cookie, 'list_tasks', {});

    const conversation = await app.conversations.create(alice, { title: 'Styled' });
    await app.conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'user',
      parts: [{ type: 'text', text: 'Hello' }],
    });
    const reply = await app.conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'assistant',
      parts: [],
      status: 'streaming',
    });
    await app.conversations.updateMessage(alice, reply.id, { status: 'complete' });
    await app.conversations.update(alice, conversation.id, { title: 'Restyled' });
    await app.conversations.delete(alice, conversation.id);

    const prompt = await app.prompts.create(alice, { name: 'styled', template: 'Hi there' });
    await app.prompts.update(alice, prompt.id, { template: 'Hello there' });
    await app.prompts.delete(alice, prompt.id);

    const note = await app.resources.create(alice, { kind: 'text', name: 'Styled note', content: 'Text' });
    await app.resources.update(alice, note.id, { visibility: 'shared' });
    await app.resources.delete(alice, note.id);

    const server = await app.mcpServers.create(alice, { name: 'styled', url: 'http://127.0.0.1:9/mcp' });
    await app.mcpServers.update(alice, server.id, { enabled: false });
    await app.mcpServers.delete(alice, server.id);

    const space = await app.context.spaces.create(alice, { name: 'styled' });
    const member = await seedUser(app, { email: 'style-member@example.com' });
    await app.context.members.add(alice, space.id, { user_id: member.id, role: 'read' });
    await app.context.entries.set(alice, space.id, 'plan', { value: { step: 1 } });
    await app.context.spaces.delete(alice, space.id);

    await expect
      .poll(() => exercised.filter((type) => !published.some((event) => event.type === type)))
      .toEqual([]);
    expect(published.flatMap((event) => styleProblems(event.data, event.type))).toEqual([]);
  });
});
