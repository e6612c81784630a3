import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';

import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { closeConnectionsOnShutdown } from './close-on-shutdown.js';
import { errorBody } from './error-body.js';
import { createErrorHandler } from './error-handler.js';
import { registerOpenApi } from './openapi.js';
import { requestIdFor } from './request-id.js';
import { securityHeaderWriter } from './security-headers.js';
import { type RouteScope, registerRouteScopes } from './route-scope.js';
import { serializerCompiler } from './serializer-compiler.js';
import { validatorCompiler } from './validator-compiler.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered: method, URL pattern and declared scope (for the completeness checks). */
    routeList: { method: string; url: string; scope: RouteScope | undefined }[];
  }
}

/** Fastify's default compilers' place: never called, since the zod compilers are set on the root. */
const zodOnly = () => () => {
  throw new Error('Routes validate and serialize with zod: the zod compilers are set on the root');
};

/** Routes polled by machines: logged at debug level so they do not drown the rest. */
const quietRoutes = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The Fastify app with everything every route shares: zod validation, one error shape, request ids
 * in every log line and response, body limits, per-route metrics and the OpenAPI description.
 * Modules register their routes on it afterwards.
 */
export async function buildHttpServer({
  config,
  logger,
  metrics,
}: {
  config: Config;
  logger: Logger;
  metrics: Metrics;
}): Promise<FastifyInstance> {
  const securityHeaders = securityHeaderWriter({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // Over plain http (a local install), asking the browser to upgrade would break every file.
        'upgrade-insecure-requests': config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    // Not helmet's no-referrer: under it a browser may send `Origin: null` on the app's own writes,
    // which the origin checks then refuse. Other sites still learn nothing.
    referrerPolicy: { policy: 'same-origin' },
  });
  const app = Fastify({
    // Every answer the server writes gets the security headers as it is written.
    http: { ServerResponse: securityHeaders.ServerResponse },
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimit,
    // Behind a reverse proxy, the client is the address the proxy appended to X-Forwarded-For (one hop).
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    return503OnClosing: true,
    // A longer path parameter matches no route (404) before any route sees it; each route's schema
    // caps its own (100 for an item id; 300 for a run id, which nests its parents').
    routerOptions: { maxParamLength: 300 },
    forceCloseConnections: 'idle',
    // Every route validates and serializes with the zod compilers set below. Without factories of its
    // own, Fastify loads Ajv and fast-json-stringify on construction and never uses them: about a
    // tenth of the CPU of a start.
    schemaController: { compilersFactory: { buildValidator: zodOnly, buildSerializer: zodOnly } },
  });
  const routeList: FastifyInstance['routeList'] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routeList.push({ method, url: route.url, scope: route.config?.scope });
  });
  registerRouteScopes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler({ bodyLimit: config.bodyLimit }));
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        errorBody(
          'ROUTE_NOT_FOUND',
          `There is no route ${request.method} ${request.url.split('?')[0]}`,
          request.id,
        ),
      ),
  );

  closeConnectionsOnShutdown(app);
  // The hooks every request passes through call `done` rather than return a promise: a
  // promise per hook per request was a measurable share of a small request's time.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    securityHeaders.secure(reply.raw); // app.inject()'s response, not the server's own
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    metrics.httpAnswers.record(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = quietRoutes.has(route) ? 'debug' : 'info';
    // The line is made only when it is written (a probe's, at debug, seldom is); request.log is a
    // child of our pino logger (loggerInstance).
    if ((request.log as Logger).isLevelEnabled(level))
      request.log[level](
        {
          method: request.method,
          url: request.url.split('?')[0], // query strings may hold tokens (invite links)
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request done',
      );
    done();
  });

  // Before any route: the plugin wraps each route's handler so an upgrade reaches its wsHandler.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app, { publicUrl: config.publicUrl });
  return app;
}
