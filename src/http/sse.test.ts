import type net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { recordWrites } from '../../test/helpers/socket-writes.js';
import { openSse, type SseStream } from './sse.js';

describe('a Server-Sent Events stream', () => {
  const app = Fastify();
  afterEach(() => app.close());

  it('sends its first token at once, and the events after it in one run of jobs together when it ends', async () => {
    const writes: string[] = [];
    /** What had left when each event was sent. */
    const leftBefore: string[] = [];
    app.get('/events', (request, reply) => {
      recordWrites(request.raw.socket as net.Socket, writes);
      const stream: SseStream = openSse(
        reply,
        { 'content-type': 'text/event-stream' },
        { isFirstToken: (data) => (data as { number: number }).number === 1 },
      );
      // From a promise continuation, as a reply's chunks come (the model's burst read at once).
      void Promise.resolve().then(() => {
        for (const number of [1, 2, 3]) {
          leftBefore.push(writes.join(''));
          stream.send({ number }, `e${number}`);
        }
        stream.end();
      });
      return reply;
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });

    const body = await (await fetch(`${url}/events`)).text();

    expect(body).toBe(
      'id: e1\ndata: {"number":1}\n\nid: e2\ndata: {"number":2}\n\nid: e3\ndata: {"number":3}\n\n',
    );
    // The first token of a model's burst does not wait for the rest to be processed…
    expect(leftBefore[1]).toContain('data: {"number":1}');
    // …and the rest leave in one write, not one each.
    expect(leftBefore[2]).not.toContain('data: {"number":2}');
    const withEvents = writes.filter((write) => write.includes('data: '));
    expect(withEvents).toHaveLength(2);
    expect(withEvents[1]).toContain('data: {"number":2}');
    expect(withEvents[1]).toContain('data: {"number":3}');
  });
});
