import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { recordWrites } from '../../../test/helpers/socket-writes.js';
import { writeWebResponse } from './web-exchange.js';

const priming = 'id: s.1\ndata: \n\n';
const result = 'event: message\nid: s.2\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n';
const lastChunk = '0\r\n\r\n';

/** An SSE answer whose chunks the test enqueues, through `enqueue(text)` and `close()`. */
function sseAnswer(start: (stream: { enqueue(text: string): void; close(): void }) => void): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) =>
      start({ enqueue: (text) => controller.enqueue(encoder.encode(text)), close: () => controller.close() }),
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/**
 * Serves `answer` to one raw client and returns the writes the server's socket made (each one
 * handed to the kernel), with what the client read. The writer is called from a promise
 * continuation, as the MCP route calls it (after an await): the "first tick" it waits out is then
 * the rest of that run of promise jobs.
 */
async function writesOf(answer: () => Response): Promise<{ writes: string[]; read: string }> {
  const writes: string[] = [];
  const server = http.createServer((_request, response) => {
    recordWrites(response.socket as net.Socket, writes);
    void Promise.resolve().then(() => writeWebResponse(answer(), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  try {
    socket.write('GET / HTTP/1.1\r\nhost: localhost\r\n\r\n');
    let read = '';
    await new Promise<void>((resolve, reject) => {
      socket.on('data', (bytes) => {
        read += bytes.toString();
        if (read.endsWith(lastChunk)) resolve();
      });
      socket.once('error', reject);
    });
    return { writes, read };
  } finally {
    socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('writing the transport’s answer', () => {
  it('sends the headers and every chunk ready together in one write', async () => {
    const { writes, read } = await writesOf(() =>
      sseAnswer((stream) => {
        stream.enqueue(priming);
        stream.enqueue(result);
        stream.close();
      }),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(writes[0]).toContain(priming);
    expect(writes[0]).toContain(result);
    expect(read).toBe(writes[0]);
  });

  it('opens the stream with the headers alone when no chunk is ready, then sends each as it comes', async () => {
    const { writes, read } = await writesOf(() =>
      sseAnswer((stream) => {
        setTimeout(() => {
          stream.enqueue(result);
          stream.close();
        }, 100);
      }),
    );
    expect(writes[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n$/);
    expect(writes.slice(1).join('')).toContain(result);
    expect(read).toContain(result);
  });
});
