import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../actor.js';
import type { CredentialSource, Resolved } from '../modules/identity/resolve-actor.js';
import { packageRoot } from '../package-root.js';
import { webHeaders } from './request-context.js';

/** The built web app (`npm run build:web` writes it), the same path from src/ under tsx and from dist/. */
export const webRoot = fileURLToPath(new URL('web/dist', packageRoot));

/** Paths that are never a page: the API, protocols, and the app's own files (a missing one is a 404). */
const notPagePrefixes = [
  '/api/',
  '/mcp',
  '/v1/',
  '/a2a/',
  '/.well-known/',
  '/healthz',
  '/readyz',
  '/metrics',
  '/assets/',
];
/** Pages a signed-out visitor may see. */
const publicPages = new Set(['/signin', '/signup', '/setup']);

export interface WebAppDeps {
  resolveActor: (source: CredentialSource) => Promise<Resolved>;
  needsSetup: () => Promise<boolean>;
}

/**
 * Serves the web app: its files, and its one page (`index.html`) at every app path. Who may see a
 * page is decided here, before any app code runs: a signed-out visitor is sent to `/signin?next=…`
 * (or to `/setup` while no admin exists), so the app never flashes or meets a 401 on its first load.
 */
export async function registerWebApp(app: FastifyInstance, deps: WebAppDeps) {
  const indexFile = path.join(webRoot, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`the web app is not built (${indexFile} is missing): run npm run build`);
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `npm run build`, then start the server again.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(response, filePath) {
      // Vite names built files by their content: a new build is a new name. The page itself is
      // never cached: what it is (or where it redirects) depends on who asks.
      const cacheControl = filePath.startsWith(path.join(webRoot, 'assets'))
        ? 'public, max-age=31536000, immutable'
        : filePath === path.join(webRoot, 'index.html')
          ? 'no-store'
          : 'no-cache';
      response.header('cache-control', cacheControl);
    },
  });
  const page = (request: FastifyRequest, reply: FastifyReply) => servePage(request, reply, deps);
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, page);
}

async function servePage(request: FastifyRequest, reply: FastifyReply, deps: WebAppDeps) {
  const pathname = request.url.split('?')[0] ?? '/';
  if (notPagePrefixes.some((prefix) => pathname.startsWith(prefix))) return reply.callNotFound();
  const actor = await signedInUser(request, reply, deps);
  if (publicPages.has(pathname)) {
    const redirect = await publicPageRedirect(pathname, request, actor, deps);
    return redirect ? reply.redirect(redirect) : reply.sendFile('index.html');
  }
  if (!actor) {
    if (await deps.needsSetup()) return reply.redirect('/setup');
    return reply.redirect(`/signin?next=${encodeURIComponent(request.url)}`);
  }
  return reply.sendFile('index.html');
}

/** Where a visitor of a public page should be instead, if anywhere. */
async function publicPageRedirect(
  pathname: string,
  request: FastifyRequest,
  actor: UserActor | null,
  deps: WebAppDeps,
): Promise<string | undefined> {
  const needsSetup = await deps.needsSetup();
  if (pathname === '/setup') return needsSetup ? undefined : actor ? '/chat' : '/signin';
  if (needsSetup) return '/setup';
  const query = new URL(request.url, 'http://here').searchParams;
  // Signed in already: straight on, unless an OAuth client sent them here to sign in.
  if (pathname === '/signin' && actor && !query.has('sig')) return samePageOrChat(query.get('next'));
  return undefined;
}

/** The session cookie's user, or null; a refreshed session's cookie goes back with the page. */
async function signedInUser(
  request: FastifyRequest,
  reply: FastifyReply,
  { resolveActor }: WebAppDeps,
): Promise<UserActor | null> {
  const headers = webHeaders(request);
  headers.delete('authorization'); // a page load is signed in by its cookie alone
  const { actor, setCookies } = await resolveActor({
    headers,
    surface: 'http',
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  });
  if (setCookies.length > 0) reply.header('set-cookie', setCookies);
  return actor;
}

/** `next` when it is a path of this site; anything that resolves elsewhere (//x, /\x, https://x) is the chat. */
function samePageOrChat(next: string | null): string {
  if (!next) return '/chat';
  const target = new URL(next, 'http://here');
  return target.origin === 'http://here' ? `${target.pathname}${target.search}${target.hash}` : '/chat';
}
