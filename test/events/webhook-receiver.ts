import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a test receiver got: its path, headers and raw body. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP server standing in for a subscriber's webhook endpoint: it records every request
 * and answers each path with the status `answer(path, count so far)` gives (200 by default).
 */
export async function startReceiver(answer: (path: string, count: number) => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const count = received.filter((one) => one.path === path).length;
      response.writeHead(answer(path, count)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received: (path: string) => received.filter((one) => one.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver checks: `sha256=` HMAC of `<timestamp>.<body>` under the subscription's secret. */
export function signatureHolds(secret: string, { headers, body }: Received): boolean {
  const timestamp = String(headers['x-switchboard-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return headers['x-switchboard-signature'] === expected;
}
