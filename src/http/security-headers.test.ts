import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers.js';

const options = {
  contentSecurityPolicy: {
    directives: {
      'script-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' as const },
};

/** The headers a server answers GET / with, less the ones every Fastify answer has. */
async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void> | void) {
  const app = Fastify();
  await register(app);
  app.get('/', async () => ({ ok: true }));
  app.get('/own', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/plain' }).end('written by the handler');
  });
  const answers = await Promise.all([app.inject('/'), app.inject('/own')]);
  await app.close();
  return answers.map(({ headers }) => {
    const { date: _date, connection: _connection, 'content-length': _length, ...rest } = headers;
    return rest;
  });
}

describe('security headers', () => {
  it('are the ones @fastify/helmet sends for the same options, on every answer', async () => {
    const ours = await headersOf((app) => registerSecurityHeaders(app, options));
    const plugin = await headersOf((app) => app.register(fastifyHelmet, options));
    expect(ours).toEqual(plugin);
    expect(ours[0]?.['content-security-policy']).toContain("script-src 'self'");
    expect(ours[1]?.['x-content-type-options']).toBe('nosniff');
  });

  it('let a route replace one', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, options);
    app.get('/', async (_request, reply) => reply.header('content-security-policy', 'sandbox').send('x'));
    const answer = await app.inject('/');
    await app.close();
    expect(answer.headers['content-security-policy']).toBe('sandbox');
  });
});
