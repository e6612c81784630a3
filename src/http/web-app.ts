import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The web app's files (web/), the same path from src/ under tsx and from dist/. */
export const webRoot = fileURLToPath(new URL('../../web', import.meta.url));

/** Serves the web app at `/`. */
export async function registerWebApp(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
}
