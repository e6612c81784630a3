import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killChildren, startBuiltServer } from '../helpers/child-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** One span as OTLP/HTTP JSON carries it, with its instrumentation scope's name. */
interface ReceivedSpan {
  scope: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  status?: { code?: number; message?: string };
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpBody {
  resourceSpans?: {
    scopeSpans?: {
      scope?: { name?: string };
      spans?: (Omit<ReceivedSpan, 'scope' | 'attributes'> & { attributes?: OtlpAttribute[] })[];
    }[];
  }[];
}

/** A small OTLP/HTTP receiver: what a collector would get at /v1/traces. */
async function startReceiver() {
  const spans: ReceivedSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      paths.push(request.url ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
      for (const resource of body.resourceSpans ?? [])
        for (const scope of resource.scopeSpans ?? [])
          for (const { attributes = [], ...span } of scope.spans ?? [])
            spans.push({
              ...span,
              scope: scope.scope?.name ?? '',
              attributes: Object.fromEntries(
                attributes.map(({ key, value }) => [key, Object.values(value)[0]]),
              ),
            });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const serverKind = 2;

/**
 * `switchboard serve` as installed (the built dist/), with OTEL_EXPORTER_OTLP_ENDPOINT set: the
 * http and pg instrumentations hook the modules the app loads after tracing starts, and their spans
 * reach the collector in one trace per request, without the request's query string.
 */
describe('traces sent over OTLP by the built server', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: Awaited<ReturnType<typeof startBuiltServer>>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    receiver = await startReceiver();
    server = await startBuiltServer({
      ...database.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // The batch goes out a fifth of a second after a span ends, not the default five seconds.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  });
  afterAll(async () => {
    killChildren();
    await receiver?.close();
    await database?.drop();
  });

  it('gives an http server span and, under it, the SQL the request ran', async () => {
    // An unknown key is looked up in the database before the request is refused.
    const response = await fetch(`${server.url}/api/v1/me?secret=my-private-words`, {
      headers: { authorization: 'Bearer sb_unknown-key' },
    });
    expect(response.status).toBe(401);

    const request = await vi.waitFor(
      () => {
        const found = receiver.spans.find(
          (span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === serverKind,
        );
        if (!found) throw new Error(`no http server span yet (got ${receiver.spans.length} spans)`);
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(receiver.paths).toContain('/v1/traces');
    expect(request.attributes).toMatchObject({ 'http.route': '/api/v1/me', 'url.path': '/api/v1/me' });

    const inTrace = () => receiver.spans.filter((span) => span.traceId === request.traceId);
    const queries = await vi.waitFor(
      () => {
        const found = inTrace().filter((span) => span.scope === '@opentelemetry/instrumentation-pg');
        if (!found.some((span) => span.name.startsWith('pg.query'))) throw new Error('no pg query span yet');
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    const byId = new Map(inTrace().map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const query = queries.find((span) => String(span.attributes['db.query.text']).includes('api_keys'));
    expect(query, 'the API key lookup is traced').toBeDefined();
    expect(ancestors(query as ReceivedSpan).map((span) => span.spanId)).toContain(request.spanId);
    // Fastify's request span sits between them, under the http span.
    expect(inTrace().find((span) => span.scope === '@fastify/otel' && span.name === 'request')).toBeDefined();

    // The query string went nowhere: not in url.query, url.path, http.target or anywhere else.
    expect(JSON.stringify(receiver.spans)).not.toContain('my-private-words');
    expect(request.attributes).not.toHaveProperty('url.query');
  });
});
