import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { createSessionEventStore } from './event-store.js';

const message = (text: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data: text },
});

async function replay(store: ReturnType<typeof createSessionEventStore>, lastEventId: string) {
  const sent: string[] = [];
  const streamId = await store.replayEventsAfter(lastEventId, {
    send: async (_id, sentMessage) =>
      void sent.push(String((sentMessage as unknown as { params: { data: string } }).params.data)),
  });
  return { streamId, sent };
}

describe('the session event store', () => {
  it('replays what came after the last event the client saw, on that stream only', async () => {
    const store = createSessionEventStore();
    const first = await store.storeEvent('a', message('a1'));
    await store.storeEvent('b', message('b1'));
    await store.storeEvent('a', message('a2'));
    expect(await store.getStreamIdForEventId?.(first)).toBe('a');
    expect(await replay(store, first)).toEqual({ streamId: 'a', sent: ['a2'] });
  });

  it('still resumes from an id it has dropped, with everything it kept after it', async () => {
    const store = createSessionEventStore();
    const first = await store.storeEvent('s', message('0'));
    for (let n = 1; n <= 300; n++) await store.storeEvent('s', message(String(n)));
    const { sent } = await replay(store, first);
    expect(sent).toHaveLength(200);
    expect(sent[0]).toBe('101');
    expect(sent.at(-1)).toBe('300');
  });

  it('keeps at most about 512 KB, dropping the oldest', async () => {
    const store = createSessionEventStore();
    const big = 'x'.repeat(200 * 1024);
    const first = await store.storeEvent('s', message(`first${big}`));
    for (let n = 0; n < 5; n++) await store.storeEvent('s', message(`${n}${big}`));
    const { sent } = await replay(store, first);
    expect(sent.map((data) => data[0])).toEqual(['3', '4']);
  });

  it('keeps the newest message even when it alone is over the limit', async () => {
    const store = createSessionEventStore();
    const first = await store.storeEvent('s', message('small'));
    await store.storeEvent('s', message('y'.repeat(1024 * 1024)));
    const { sent } = await replay(store, first);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(1024 * 1024);
  });

  it('refuses ids it never gave', async () => {
    const store = createSessionEventStore();
    await store.storeEvent('s', message('one'));
    expect(await store.getStreamIdForEventId?.('s.99')).toBeUndefined();
    expect(await store.getStreamIdForEventId?.('nonsense')).toBeUndefined();
  });
});
