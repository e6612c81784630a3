import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from './guarded-fetch.js';

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === '/big') return response.end('x'.repeat(5_000));
    if (request.url === '/status-600') return response.writeHead(600).end('odd');
    if (request.url === '/stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      return response.end('data: ' + 'y'.repeat(5_000) + '\n\n');
    }
    response.writeHead(201, {
      'content-type': 'application/json',
      'x-seen': request.headers['x-token'] ?? '',
    });
    response.end(JSON.stringify({ method: request.method, body: Buffer.concat(chunks).toString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('guardedFetch', () => {
  it('refuses loopback addresses, by address and by name (at lookup), unless allowed', async () => {
    const closed = guardedFetch({ allowedHosts: [], maxBytes: 1024 });
    await expect(closed(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(closed(`http://localhost:${port}/`)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(closed('file:///etc/passwd')).rejects.toThrow('Only http and https');
  });

  it('sends the method, headers and body, and answers with a Fetch Response', async () => {
    const open = guardedFetch({ allowedHosts: ['127.0.0.1'], maxBytes: 1024 });
    const response = await open(`http://localhost:${port}/echo`, {
      method: 'POST',
      headers: { 'x-token': 'abc' },
      body: 'hello',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('abc');
    expect(await response.json()).toEqual({ method: 'POST', body: 'hello' });
  });

  it('refuses a status a web Response cannot hold, instead of throwing where nothing catches it', async () => {
    const open = guardedFetch({ allowedHosts: ['127.0.0.1'], maxBytes: 1024 });
    await expect(open(`http://127.0.0.1:${port}/status-600`)).rejects.toThrow(/invalid HTTP status 600/);
  });

  it('caps a response body, but not an event stream', async () => {
    const open = guardedFetch({ allowedHosts: ['127.0.0.0/8'], maxBytes: 1024 });
    await expect((await open(`http://127.0.0.1:${port}/big`)).text()).rejects.toThrow();
    expect((await (await open(`http://127.0.0.1:${port}/stream`)).text()).length).toBeGreaterThan(5_000);
  });

  it('stops reading when the reader cancels the body', async () => {
    const open = guardedFetch({ allowedHosts: ['127.0.0.1'], maxBytes: 1_000_000 });
    const response = await open(`http://127.0.0.1:${port}/big`);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(response.bodyUsed).toBe(true);
  });

  it('leaves no abort listener behind on a signal every request shares', async () => {
    // The MCP SDK's client transport hands each request its connection's one signal: a listener
    // left per request would pile up for as long as an external MCP server stays connected.
    const open = guardedFetch({ allowedHosts: ['127.0.0.1'], maxBytes: 10_000 });
    const shared = new AbortController().signal;
    for (let call = 0; call < 50; call += 1) {
      const response = await open(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        body: '{}',
        signal: shared,
      });
      await response.text();
      const stream = await open(`http://127.0.0.1:${port}/stream`, { signal: shared });
      await stream.text();
    }
    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
  });
});
