import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.js';
import { ServiceUnavailableError } from '../errors.js';
import type { Metrics } from '../metrics.js';
import { errorBodySchema } from './error-body.js';

/**
 * A condition for readiness beside the database: throws, or returns a promise that rejects (with a
 * 503 error), when unmet; returns nothing when it is met at once. A probe that finds everything
 * ready then waits for the database alone: each promise and await is a cost every probe paid.
 */
export type ReadinessCheck = () => Promise<void> | undefined;

/** Liveness, readiness and Prometheus metrics, for load balancers and monitoring. */
export function registerHealthRoutes(
  app: FastifyInstance,
  {
    database,
    metrics,
    readiness = [],
  }: {
    database: DatabaseHandle;
    metrics: Metrics;
    /** More conditions for readiness beside the database. */
    readiness?: ReadinessCheck[];
  },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const ready = { status: 'ready' as const, database: database.kind };

  routes.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers and sign-in could start: ready for requests',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.enum(['embedded', 'postgres']) }),
          503: errorBodySchema,
        },
      },
    },
    async () => {
      try {
        await database.ping();
      } catch (error) {
        throw new ServiceUnavailableError('DATABASE_UNAVAILABLE', 'The database does not answer', {
          cause: error,
        });
      }
      for (const check of readiness) {
        const waiting = check();
        if (waiting) await waiting;
      }
      return ready;
    },
  );

  routes.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics: requests, latency, database connections, events, the durable engine',
      },
    },
    async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.scrape()),
  );
}
