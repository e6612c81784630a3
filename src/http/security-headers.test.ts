import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { securityHeaderWriter } from './security-headers.js';

const options = {
  contentSecurityPolicy: {
    directives: {
      'script-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: true,
  referrerPolicy: { policy: 'same-origin' as const },
};

/** What OWASP's REST guidance asks of a JSON answer, as Helmet words each. */
const jsonHeaders = [
  'content-security-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
];

/** Routes answering each kind of answer, the way our routes and handlers write them. */
function addRoutes(app: FastifyInstance) {
  app.get('/json', async () => ({ ok: true }));
  app.get('/page', async (_request, reply) => reply.type('text/html').send('<p>page</p>'));
  app.get('/empty', async (_request, reply) => reply.status(204).send());
  app.get('/download', async (_request, reply) =>
    reply.header('content-disposition', 'attachment; filename="a.json"').send({ ok: true }),
  );
  app.get('/own', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/plain' }).end('written by the handler');
  });
  app.get('/own-json', async (_request, reply) => {
    reply.hijack();
    reply.raw.setHeader('content-type', 'application/json');
    reply.raw.end('{}'); // no writeHead: Node writes the head itself
  });
  app.get('/sandboxed', async (_request, reply) =>
    reply.header('content-security-policy', 'sandbox').send('x'),
  );
  app.get('/raw-set', async (_request, reply) => {
    reply.raw.setHeader('X-Frame-Options', 'DENY');
    return { ok: true };
  });
  app.get('/own-mixed-case', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': 'sandbox' }).end('x');
  });
}

const paths = [
  '/json',
  '/page',
  '/empty',
  '/download',
  '/own',
  '/own-json',
  '/sandboxed',
  '/raw-set',
  '/own-mixed-case',
];

type Answers = Record<string, Record<string, string>>;

/** Every route's headers, less the ones any answer has, through a real server and through inject. */
async function answersOf(
  make: () => FastifyInstance,
  register: (app: FastifyInstance) => unknown,
): Promise<{ served: Answers; injected: Answers }> {
  const app = make();
  await register(app);
  addRoutes(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const served: Answers = {};
  const injected: Answers = {};
  try {
    for (const path of paths) {
      const response = await fetch(`${url}${path}`);
      await response.arrayBuffer();
      served[path] = withoutCommon(Object.fromEntries(response.headers));
      const answer = await app.inject(path);
      injected[path] = withoutCommon(answer.headers as Record<string, string>);
    }
  } finally {
    await app.close();
  }
  return { served, injected };
}

function withoutCommon(headers: Record<string, string>) {
  const {
    date: _date,
    connection: _connection,
    'keep-alive': _keepAlive,
    'content-length': _length,
    'transfer-encoding': _encoding,
    ...rest
  } = headers;
  return rest;
}

function pick(headers: Record<string, string> | undefined, names: string[]) {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => names.includes(name)));
}

function without(headers: Record<string, string> | undefined, names: string[]) {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !names.includes(name)));
}

describe('security headers', async () => {
  const writer = securityHeaderWriter(options);
  const ours = await answersOf(
    () => Fastify({ http: { ServerResponse: writer.ServerResponse } }),
    (app) =>
      app.addHook('onRequest', (_request, reply, done) => {
        writer.secure(reply.raw);
        done();
      }),
  );
  const plugin = await answersOf(
    () => Fastify(),
    (app) => app.register(fastifyHelmet, options),
  );
  const documents = ['/page', '/empty', '/own', '/download'];
  const helmetNames = Object.keys(without(plugin.served['/page'], ['content-type']));

  it('are the ones @fastify/helmet sends on a document, however it is written', () => {
    expect(helmetNames.length).toBeGreaterThan(jsonHeaders.length);
    for (const path of documents)
      expect({ path, headers: ours.served[path] }).toEqual({ path, headers: plugin.served[path] });
    expect(ours.served['/page']?.['referrer-policy']).toBe('same-origin');
  });

  it('on a JSON answer, are those of them that protect one', () => {
    for (const path of ['/json', '/own-json']) {
      expect(pick(ours.served[path], helmetNames)).toEqual(pick(plugin.served[path], jsonHeaders));
      expect(without(ours.served[path], helmetNames)).toEqual(without(plugin.served[path], helmetNames));
    }
    expect(ours.served['/json']?.['x-content-type-options']).toBe('nosniff');
    expect(ours.served['/json']?.['referrer-policy']).toBeUndefined();
  });

  it('let a route replace one, once', () => {
    expect(ours.served['/sandboxed']?.['content-security-policy']).toBe('sandbox');
    expect(ours.served['/raw-set']?.['x-frame-options']).toBe('DENY');
    expect(ours.served['/own-mixed-case']?.['content-security-policy']).toBe('sandbox');
    expect(ours.served['/own-mixed-case']?.['x-dns-prefetch-control']).toBe('off');
  });

  it('are the same through app.inject() as through the server', () => {
    expect(ours.injected).toEqual(ours.served);
  });
});
