import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../test/helpers/test-events.js';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { databaseKinds } from '../../test/helpers/test-database.js';
import { type Actor, systemActor } from '../actor.js';
import type { Clock } from '../clock.js';
import { InvalidInputError } from '../errors.js';
import type { AnyBusEvent } from './events.js';

/** Subscribers run on a later turn of the event loop. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const alice: Actor = {
  type: 'user',
  userId: 'user-alice',
  role: 'user',
  scopes: [],
  via: 'http',
  credential: { kind: 'session', id: 'session-1' },
};

describe.each(databaseKinds)('event bus on %s', (kind) => {
  let testApp: TestApp;
  let now = new Date('2026-06-01T12:00:00Z');
  const clock: Clock = { now: () => now };
  const bus = () => testApp.app.bus;

  beforeAll(async () => {
    testApp = await buildTestApp(kind, { clock });
  });
  afterAll(() => testApp.close());

  it('delivers a published event to subscribers whose pattern matches, and only to them', async () => {
    const seenByTask: AnyBusEvent[] = [];
    const seenByPing: AnyBusEvent[] = [];
    const stopTask = bus().subscribe('task.*', (event) => void seenByTask.push(event));
    const stopPing = bus().subscribe('test.*', (event) => void seenByPing.push(event));

    const published = await bus().publish(alice, 'test.ping', { n: 1 });
    await nextTurn();

    expect(seenByTask).toEqual([]);
    expect(seenByPing).toEqual([published]);
    expect(published).toMatchObject({
      type: 'test.ping',
      actor: { userId: 'user-alice', via: 'http' },
      at: now,
      data: { n: 1 },
    });
    stopTask();
    stopPing();
  });

  it('stops delivering after unsubscribe', async () => {
    const seen: AnyBusEvent[] = [];
    const stop = bus().subscribe('test.ping', (event) => void seen.push(event));
    stop();
    await bus().publish(alice, 'test.ping', { n: 2 });
    await nextTurn();
    expect(seen).toEqual([]);
  });

  it('keeps delivering to the others when one subscriber throws', async () => {
    const seen: AnyBusEvent[] = [];
    const stopBroken = bus().subscribe('test.ping', () => {
      throw new Error('subscriber bug');
    });
    const stopRejecting = bus().subscribe('test.ping', async () => {
      throw new Error('async subscriber bug');
    });
    const stop = bus().subscribe('test.ping', (event) => void seen.push(event));
    await expect(bus().publish(alice, 'test.ping', { n: 3 })).resolves.toMatchObject({ data: { n: 3 } });
    await nextTurn();
    expect(seen.map((event) => event.data)).toEqual([{ n: 3 }]);
    stop();
    stopBroken();
    stopRejecting();
  });

  it('keeps history: filtered by type pattern, actor and time, newest first, a page at a time', async () => {
    now = new Date('2026-06-01T23:00:00Z');
    const earlier = await bus().publish(alice, 'test.ping', { n: 50 });
    now = new Date('2026-06-02T00:00:00Z');
    const published = [];
    for (let n = 0; n < 5; n++) published.push(await bus().publish(alice, 'test.pong', { n }));
    await bus().publish(systemActor, 'test.deep.nested', { n: 99 });

    const first = await bus().history({ type: 'test.pong', limit: 2 });
    expect(first.items.map((event) => event.data)).toEqual([{ n: 4 }, { n: 3 }]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await bus().history({ type: 'test.pong', limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((event) => event.data)).toEqual([{ n: 2 }, { n: 1 }]);
    const last = await bus().history({ type: 'test.pong', limit: 2, cursor: second.nextCursor ?? '' });
    expect(last.items.map((event) => event.data)).toEqual([{ n: 0 }]);
    expect(last.nextCursor).toBeNull();

    const nested = await bus().history({ type: 'test.*', since: now, limit: 100 });
    expect(nested.items.map((event) => event.type)).toContain('test.deep.nested');
    const byAlice = await bus().history({ type: 'test.*', actorId: 'user-alice', since: now, limit: 100 });
    expect(byAlice.items).toHaveLength(5);
    const before = await bus().history({
      type: 'test.*',
      until: new Date('2026-06-01T23:59:59Z'),
      limit: 100,
    });
    expect(before.items.every((event) => event.at < now)).toBe(true);
    expect(before.items.map((event) => event.id)).toContain(earlier.id);
    expect(published[0]?.id).toBe(last.items[0]?.id);
  });

  it('rejects a malformed pattern or cursor with INVALID_INPUT', async () => {
    await expect(bus().history({ type: 'test.;' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(bus().history({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
  });

  it('prunes events older than the retention period and keeps the rest', async () => {
    now = new Date('2026-01-01T00:00:00Z');
    const old = await bus().publish(alice, 'test.ping', { n: 100 });
    now = new Date('2026-03-01T00:00:00Z');
    const recent = await bus().publish(alice, 'test.ping', { n: 101 });

    const pruned = await bus().prune();

    expect(pruned).toBeGreaterThanOrEqual(1);
    const remaining = await bus().history({ type: 'test.ping', limit: 100 });
    const ids = remaining.items.map((event) => event.id);
    expect(ids).toContain(recent.id);
    expect(ids).not.toContain(old.id);
  });
});
