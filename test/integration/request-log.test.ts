import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('the request log', () => {
  let testApp: TestApp;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', {
      settings: { logLevel: 'info' },
      logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
  });
  afterAll(() => testApp.close());

  it('writes a line per request with its id, method, path without the query, status and time', async () => {
    const response = await testApp.app.http.inject({ method: 'GET', url: '/api/v1/me?token=secret' });
    const done = lines.find(
      (line) => line.msg === 'request done' && line.requestId === response.headers['x-request-id'],
    );
    expect(done).toMatchObject({ method: 'GET', url: '/api/v1/me', status: 401 });
    expect(typeof done?.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('leaves probes out at info level', async () => {
    const response = await testApp.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(lines.some((line) => line.requestId === response.headers['x-request-id'])).toBe(false);
  });
});
