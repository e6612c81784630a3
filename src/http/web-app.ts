import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The web app's files (web/), the same path from src/ under tsx and from dist/. */
export const webRoot = fileURLToPath(new URL('../../web', import.meta.url));

/** Pages served at their own paths: sign-in (the OAuth login page too), first-run setup and OAuth consent. */
const pages = { '/signin': 'signin.html', '/setup': 'setup.html', '/consent': 'consent.html' };

/** Serves the web app at `/`. */
export async function registerWebApp(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  for (const [path, file] of Object.entries(pages)) {
    app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendFile(file));
  }
}
