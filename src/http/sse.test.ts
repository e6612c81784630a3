import type net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { countWrites } from '../../test/helpers/socket-writes.js';
import { openSse, type SseStream } from './sse.js';

describe('a Server-Sent Events stream', () => {
  const app = Fastify();
  afterEach(() => app.close());

  it('sends each event as it is sent, not with the events sent after it in the same run of jobs', async () => {
    const writes: string[] = [];
    /** What had left when each event was sent. */
    const leftBefore: string[] = [];
    app.get('/events', (request, reply) => {
      countWrites(request.raw.socket as net.Socket, writes);
      const stream: SseStream = openSse(reply, { 'content-type': 'text/event-stream' });
      // From a promise continuation, as a reply's chunks come (the model's burst read at once).
      void Promise.resolve().then(() => {
        for (const n of [1, 2, 3]) {
          leftBefore.push(writes.join(''));
          stream.send({ n }, `e${n}`);
        }
        stream.end();
      });
      return reply;
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });

    const body = await (await fetch(`${url}/events`)).text();

    expect(body).toBe('id: e1\ndata: {"n":1}\n\nid: e2\ndata: {"n":2}\n\nid: e3\ndata: {"n":3}\n\n');
    expect(leftBefore[1]).toContain('data: {"n":1}');
    expect(leftBefore[2]).toContain('data: {"n":2}');
    expect(writes.filter((write) => write.includes('data: '))).toHaveLength(3);
  });
});
