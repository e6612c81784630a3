import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { eventSchemas } from '../../src/modules/events/event-catalog.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';

const sourceRoot = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every event type the server's code publishes: the first string literal of each publish/publishSoon call. */
function publishedInCode(): Set<string> {
  const call = /\.publish(?:Soon)?\([^']{0,200}?'([a-z0-9_]+(?:\.[a-z0-9_]+)+)'/g;
  const types = new Set<string>();
  for (const file of sourceFiles(sourceRoot))
    for (const match of readFileSync(file, 'utf8').matchAll(call)) types.add(match[1] ?? '');
  return types;
}

/** GET /api/v1/events/types against the code: what it publishes, and what a run of real flows publishes. */
describe.runIf(postgresAvailable)('the event type catalog', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let listed: { type: string; module: string; payload_schema: Record<string, unknown> }[];
  const seen: AnyBusEvent[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    testApp.app.bus.subscribe('*', (event) => void seen.push(event));
    await seedUser(testApp.app, { email: 'types@example.com' });
    const request = as(testApp.app, { cookie: await signIn(testApp.app, 'types@example.com') });
    const response = await request({ method: 'GET', url: '/api/v1/events/types' });
    expect(response.statusCode, response.body).toBe(200);
    listed = response.json().items;
    // Real flows across modules, their events heard on the bus.
    const task = (
      await request({ method: 'POST', url: '/api/v1/tasks', payload: { title: 'typed' } })
    ).json();
    await request({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { title: 'retyped' } });
    await request({ method: 'DELETE', url: `/api/v1/tasks/${task.id}` });
    await request({
      method: 'POST',
      url: '/api/v1/events',
      payload: { type: 'custom.typed', data: { a: 1 } },
    });
    const subscription = await request({
      method: 'POST',
      url: '/api/v1/event-subscriptions',
      payload: {
        name: 's',
        pattern: 'custom.*',
        target: { kind: 'webhook', url: 'https://example.com/hook' },
      },
    });
    await request({ method: 'DELETE', url: `/api/v1/event-subscriptions/${subscription.json().id}` });
  });
  afterAll(() => testApp?.close());

  it('lists every type the code publishes, each with a payload schema', () => {
    const types = new Set(listed.map((item) => item.type));
    const published = publishedInCode();
    expect(published.size).toBeGreaterThan(30);
    for (const type of published) expect(types, `${type} is published but not listed`).toContain(type);
    for (const item of listed) expect(item.payload_schema).toMatchObject({ type: 'object' });
    expect(listed.find((item) => item.type === 'task.created')?.payload_schema).toMatchObject({
      properties: { task_id: { type: 'string' }, tags: { type: 'array' } },
    });
  });

  it('is listed in docs/events.md, type by type', () => {
    const docs = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
    const missing = listed.map((item) => item.type).filter((type) => !docs.includes(`| \`${type}\``));
    expect(missing, 'regenerate the list in docs/events.md').toEqual([]);
  });

  it('describes the payloads the flows actually published', () => {
    expect(seen.length).toBeGreaterThan(5);
    for (const event of seen) {
      if (event.type.startsWith('custom.')) {
        expect(listed.map((item) => item.type)).toContain('custom.*');
        continue;
      }
      const schema = eventSchemas[event.type as keyof typeof eventSchemas];
      expect(schema, `${event.type} has no schema`).toBeDefined();
      expect(schema.safeParse(event.data).success, `${event.type}: ${JSON.stringify(event.data)}`).toBe(true);
    }
  });
});
