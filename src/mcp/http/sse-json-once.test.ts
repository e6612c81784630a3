import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { describe, expect, it } from 'vitest';
import { createSessionEventStore } from '../event-store.js';
import { writeStoredJson } from './sse-json-once.js';

type Write = (
  controller: { enqueue(chunk: Uint8Array): void },
  encoder: { encode(text: string): Uint8Array },
  message: object,
  eventId?: string,
) => boolean;

/** What the transport's SSE write enqueues for one message, as text. */
function written(transport: WebStandardStreamableHTTPServerTransport, message: object, eventId?: string) {
  const chunks: Uint8Array[] = [];
  const write = (transport as unknown as { writeSSEEvent: Write }).writeSSEEvent;
  const ok = write.call(
    transport,
    { enqueue: (chunk) => void chunks.push(chunk) },
    new TextEncoder(),
    message,
    eventId,
  );
  expect(ok).toBe(true);
  return chunks.map((chunk) => new TextDecoder().decode(chunk)).join('');
}

describe('the SSE write with the event store’s JSON', () => {
  const result = {
    jsonrpc: '2.0',
    id: 7,
    result: { content: [{ type: 'text', text: 'é "quoted"\n' }], structuredContent: { n: 1 } },
  };

  it('writes the same bytes as the SDK’s own write, with and without an event id', async () => {
    const store = createSessionEventStore();
    const ours = new WebStandardStreamableHTTPServerTransport({ eventStore: store });
    writeStoredJson(ours, store.jsonOf);
    const sdk = new WebStandardStreamableHTTPServerTransport({});
    const eventId = await store.storeEvent('stream', result as never);
    expect(store.jsonOf(result)).toBe(JSON.stringify(result));
    expect(written(ours, result, eventId)).toBe(written(sdk, result, eventId));
    expect(written(ours, result)).toBe(written(sdk, result));
  });

  it('writes the JSON the store made, not a second stringify of the message', async () => {
    const store = createSessionEventStore();
    const ours = new WebStandardStreamableHTTPServerTransport({ eventStore: store });
    writeStoredJson(ours, store.jsonOf);
    const message = { jsonrpc: '2.0', id: 8, result: { content: [] } };
    const eventId = await store.storeEvent('stream', message as never);
    Object.assign(message.result, { changedAfterStoring: true }); // the SDK never does; it shows which JSON is written
    expect(written(ours, message, eventId)).not.toContain('changedAfterStoring');
  });

  it('leaves a message the store did not keep (a replayed copy) to the SDK', () => {
    const store = createSessionEventStore();
    const ours = new WebStandardStreamableHTTPServerTransport({ eventStore: store });
    writeStoredJson(ours, store.jsonOf);
    const copy = structuredClone(result);
    expect(store.jsonOf(copy)).toBeUndefined();
    expect(written(ours, copy, 'stream.3')).toBe(
      written(new WebStandardStreamableHTTPServerTransport({}), copy, 'stream.3'),
    );
  });
});
