import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { InjectOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { DomainError } from '../errors.js';

class WidgetNotFoundError extends DomainError {
  readonly code = 'WIDGET_NOT_FOUND';
  readonly kind = 'not_found';
}

const widgetSchema = z.object({ name: z.string().min(1), size: z.object({ width: z.number().int() }) });

describe('HTTP errors', () => {
  let testApp: TestApp;
  let fullPool: pg.Pool;
  let heldConnection: pg.PoolClient;
  const inject = (options: InjectOptions) => testApp.app.http.inject(options);

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { bodyLimit: '2048' } });
    // Routes shaped like a module's, added for these tests: the error mapping is what is under test.
    const routes = testApp.app.http.withTypeProvider<ZodTypeProvider>();
    const config = { scope: 'public' as const };
    routes.post('/api/v1/widgets', { config, schema: { body: widgetSchema } }, (request) => ({
      created: request.body.name,
    }));
    routes.get('/api/v1/widgets/:id', { config }, () => {
      throw new WidgetNotFoundError('Widget w1 not found');
    });
    routes.get('/api/v1/broken', { config }, () => {
      throw new Error('relation "secret_table" does not exist');
    });
    // A pool whose one connection is held: the next query waits its 50 ms out, as under a burst.
    fullPool = new pg.Pool({
      connectionString: testApp.database.settings.databaseUrl,
      max: 1,
      connectionTimeoutMillis: 10_000,
    });
    heldConnection = await fullPool.connect();
    // Only the wait is short: the held connection itself may take longer to open on a loaded machine.
    fullPool.options.connectionTimeoutMillis = 50;
    const queryFullPool = async () => drizzle(fullPool).execute(sql`select 1`);
    routes.get('/api/v1/busy', { config }, queryFullPool);
    routes.post('/api/v1/busy', { config }, queryFullPool);
  });
  afterAll(async () => {
    heldConnection.release();
    await fullPool.end();
    await testApp.close();
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: 'There is no route GET /api/v1/nothing-here',
        request_id: expect.any(String),
      },
    });
  });

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/widgets',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_JSON',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('answers an oversized body with 413 and the limit', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/widgets',
      payload: { name: 'x'.repeat(4096), size: { width: 1 } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 2048 bytes',
    });
  });

  it('names the field that failed validation, nested fields as a dotted path', async () => {
    const missing = await inject({ method: 'POST', url: '/api/v1/widgets', payload: { size: { width: 1 } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });

    const nested = await inject({
      method: 'POST',
      url: '/api/v1/widgets',
      payload: { name: 'a', size: { width: 1.5 } },
    });
    expect(nested.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'size.width',
      message: expect.stringMatching(/^size\.width: /),
    });
  });

  it('accepts a valid body', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/widgets',
      payload: { name: 'gear', size: { width: 3 } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ created: 'gear' });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/widgets',
      headers: { 'content-type': 'application/x-nope' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps a domain error to its status and stable code', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/widgets/w1' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'WIDGET_NOT_FOUND', message: 'Widget w1 not found' });
  });

  it('answers a bug with 500, a request id and nothing of the internals', async () => {
    const response = await inject({
      method: 'GET',
      url: '/api/v1/broken',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.json()).toEqual({
      error: {
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side. Reference: trace-123',
        request_id: 'trace-123',
      },
    });
    expect(response.body).not.toContain('secret_table');
    expect(response.body).not.toContain('.ts:');
  });

  it('answers a read whose database connections all stayed busy with 503 DATABASE_BUSY and Retry-After', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/busy' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error).toMatchObject({
      code: 'DATABASE_BUSY',
      message: expect.stringContaining('Try again in a moment'),
    });
  });

  it('answers a change that found the database busy with 503 DATABASE_BUSY, saying part may be saved', async () => {
    const response = await inject({ method: 'POST', url: '/api/v1/busy' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.json().error).toMatchObject({
      code: 'DATABASE_BUSY',
      message: expect.stringContaining('Check before trying again'),
    });
  });

  it('makes its own request id when the given one is unsafe to log', async () => {
    const response = await inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'evil\nline' },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
