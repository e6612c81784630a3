import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killChildren, spawnTypeScript, type WatchedProcess } from '../helpers/child-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

type Peer = WatchedProcess;

describe('events across server processes on one Postgres', () => {
  let database: TestDatabase;
  let publisher: Peer;
  let subscriber: Peer;

  const startPeer = async (env: Record<string, string>) => {
    const peer = spawnTypeScript('test/fixtures/bus-peer.ts', {
      env: {
        ...database.env,
        PORT: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    await peer.waitForLine((line) => line.includes('"ready"'), 60_000); // a ceiling: tsx start-up is slow on a loaded machine
    return peer;
  };
  const eventLine = (peer: Peer, id: string) =>
    peer.waitForLine((line) => line.includes('"kind":"event"') && line.includes(id), 5_000);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    [publisher, subscriber] = await Promise.all([
      startPeer({ SUBSCRIBE: 'test.*' }),
      startPeer({ SUBSCRIBE: 'test.*' }),
    ]);
  });
  afterAll(async () => {
    killChildren();
    await database?.drop();
  });

  it('delivers an event published in one process to a subscriber in the other within a second', async () => {
    const sentAt = performance.now();
    publisher.send('publish test.ping {"n":1}');
    const { id } = JSON.parse(
      await publisher.waitForLine((line) => line.includes('"published"') && line.includes('test.ping')),
    );
    const received = JSON.parse(await eventLine(subscriber, id));
    const elapsedMs = performance.now() - sentAt;

    expect(received.event).toMatchObject({
      id,
      type: 'test.ping',
      data: { n: 1 },
      actor: { userId: null, via: 'system' },
    });
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('delivers each event once in each process, including the one that published it', async () => {
    publisher.send('publish test.pong {"n":2}');
    const { id } = JSON.parse(
      await publisher.waitForLine((line) => line.includes('"published"') && line.includes('test.pong')),
    );
    await eventLine(subscriber, id);
    await eventLine(publisher, id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subscriber.stdout.filter((line) => line.includes(id))).toHaveLength(1);
    expect(
      publisher.stdout.filter((line) => line.includes(`"kind":"event"`) && line.includes(id)),
    ).toHaveLength(1);
  });

  it('carries events too large for a notification by reference', async () => {
    const text = 'x'.repeat(20_000);
    publisher.send(`publish test.big ${JSON.stringify({ text })}`);
    const received = JSON.parse(
      await subscriber.waitForLine((line) => line.includes('"type":"test.big"'), 5_000),
    );
    expect(received.event.data.text).toHaveLength(20_000);
  });
});
