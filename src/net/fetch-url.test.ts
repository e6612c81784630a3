import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressAllowed } from './address-policy.js';
import { fetchUrl, type FetchPolicy } from './fetch-url.js';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/hello') return response.end('hello');
    if (request.url === '/redirect') return response.writeHead(302, { location: '/hello' }).end();
    if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end();
    if (request.url === '/big') return response.end('x'.repeat(5_000));
    if (request.url === '/slow') return setTimeout(() => response.end('late'), 2_000);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const allowLoopback: FetchPolicy = { timeoutMs: 1_000, maxBytes: 1_024, allowedHosts: ['127.0.0.0/8'] };

describe('fetchUrl', () => {
  it('refuses loopback, private and link-local addresses unless allowed', async () => {
    const closed: FetchPolicy = { ...allowLoopback, allowedHosts: [] };
    await expect(fetchUrl(`${base}/hello`, closed)).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED' });
    await expect(fetchUrl('http://localhost/hello', closed)).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    await expect(fetchUrl('http://169.254.169.254/latest', closed)).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    await expect(fetchUrl('http://[::ffff:10.0.0.1]/', closed)).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    await expect(fetchUrl(`${base}/hello`, allowLoopback)).resolves.toMatchObject({ url: `${base}/hello` });
  });

  it('checks every redirect and stops redirect loops', async () => {
    const fetched = await fetchUrl(`${base}/redirect`, allowLoopback);
    expect(fetched.body.toString()).toBe('hello');
    expect(fetched.url).toBe(`${base}/hello`);
    await expect(fetchUrl(`${base}/loop`, allowLoopback)).rejects.toMatchObject({ code: 'URL_FETCH_FAILED' });
  });

  it('caps the size and the time, and reports error statuses', async () => {
    await expect(fetchUrl(`${base}/big`, allowLoopback)).rejects.toMatchObject({ code: 'URL_TOO_LARGE' });
    await expect(fetchUrl(`${base}/slow`, { ...allowLoopback, timeoutMs: 200 })).rejects.toThrow(
      /within 200 ms/,
    );
    await expect(fetchUrl(`${base}/missing`, allowLoopback)).rejects.toThrow(/HTTP 404/);
  });

  it('fetches only http and https', async () => {
    await expect(fetchUrl('file:///etc/passwd', allowLoopback)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(fetchUrl('not a url', allowLoopback)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('addressAllowed', () => {
  it('lets public addresses through and names, addresses or ranges an admin allowed', () => {
    expect(addressAllowed('example.com', '93.184.216.34', [])).toBe(true);
    expect(addressAllowed('intranet', '10.1.2.3', [])).toBe(false);
    expect(addressAllowed('intranet', '10.1.2.3', ['intranet'])).toBe(true);
    expect(addressAllowed('x', '10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(addressAllowed('x', 'fd00::1', ['10.0.0.0/8'])).toBe(false);
    expect(addressAllowed('x', '::1', ['::1'])).toBe(true);
  });
});
