import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/net/free-port.js';
import { killChildren, projectRoot, startBuiltServer, watchLines } from '../helpers/child-process.js';
import { startFakeModelServer } from '../helpers/fake-model-server.js';
import { readSse, streamedText, uiChunks } from '../helpers/sse.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

type Instance = Awaited<ReturnType<typeof startBuiltServer>>;

/** deploy/Caddyfile's proxy to the compose services; the test puts its two instances there. */
const composeProxy = 'reverse_proxy switchboard-1:3000 switchboard-2:3000 {';
/** The client connects from this loopback address; Caddy reaches the instances from 127.0.0.1. */
const clientAddress = '127.0.0.2';
const password = 'correct horse battery';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Resolves once Caddy serves its certificate. Caddy logs "certificate obtained" before it has put
 * the certificate in the cache its handshakes read, and a handshake in between is refused with an
 * "internal error" alert: so the test tries handshakes, trusting only Caddy's root, until one passes.
 */
async function waitForCertificate(port: number, ca: Buffer, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const error = await new Promise<Error | undefined>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca }, () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.setTimeout(2_000, () => socket.destroy(new Error('the handshake took over 2 s')));
      socket.once('error', resolve);
    });
    if (error === undefined) return;
    if (Date.now() > deadline)
      throw new Error(`Caddy served no certificate in ${timeoutMs} ms: ${error.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Caddy is a system package (`apt-get install -y caddy`, in .ci/run): without it this suite fails. */
function requireCaddy(): void {
  try {
    execFileSync('caddy', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error('caddy is not installed: `apt-get install -y caddy` (Debian), as .ci/run does');
  }
}

/**
 * Two built instances on one Postgres behind Caddy, with deploy/Caddyfile itself (its upstreams
 * pointed at the two, TLS from Caddy's own local CA on a random port): what deploy/compose.yaml runs,
 * without containers. Everything goes through HTTPS, trusting only Caddy's root certificate.
 */
describe('two instances behind Caddy over HTTPS', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let workDir: string;
  let instances: Instance[];
  let caddy: ChildProcess;
  let site: string;
  let rootCertificate: Buffer;
  let model: Awaited<ReturnType<typeof startFakeModelServer>>;

  type RequestOptions = { method?: string; headers?: Record<string, string>; body?: unknown };

  /** A request through Caddy, from `clientAddress`, trusting Caddy's root certificate only. */
  function send(pathname: string, { method = 'GET', headers = {}, body }: RequestOptions = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = https.request(new URL(pathname, site), {
      method,
      ca: rootCertificate,
      localAddress: clientAddress,
      family: 4,
      agent: false,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
    });
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      request.on('response', resolve);
      request.on('error', reject);
    });
    request.end(payload);
    return { request, response };
  }

  /** A request through Caddy, its whole answer read. */
  async function viaCaddy(pathname: string, options: RequestOptions = {}): Promise<Answer> {
    const response = await send(pathname, options).response;
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return {
      status: response.statusCode ?? 0,
      headers: response.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
  }

  /**
   * A streamed request through Caddy, as a fetch Response (for the SSE readers), and a way to hang
   * up. A gzip-encoded answer (a browser accepts one) is decompressed as it arrives.
   */
  async function streamViaCaddy(pathname: string, options: RequestOptions = {}) {
    const { request, response } = send(pathname, options);
    const incoming = await response;
    const body =
      incoming.headers['content-encoding'] === 'gzip' ? incoming.pipe(zlib.createGunzip()) : incoming;
    return {
      response: new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
        status: incoming.statusCode ?? 0,
      }),
      hangUp: () => request.destroy(),
    };
  }

  /** Signs in through Caddy and gives the session's cookies. */
  async function signIn(headers: Record<string, string> = {}) {
    const answer = await viaCaddy('/api/v1/auth/sign-in/email', {
      method: 'POST',
      headers: { origin: site, ...headers },
      body: { email: 'admin@example.com', password },
    });
    expect(answer.status, answer.body).toBe(200);
    return answer;
  }

  /** Reads a response header that may repeat (Set-Cookie) as a list. */
  const headerList = (answer: Answer, name: string) => {
    const value = answer.headers[name];
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  };
  const cookieOf = (answer: Answer) =>
    headerList(answer, 'set-cookie')
      .map((cookie) => cookie.split(';')[0])
      .join('; ');

  beforeAll(async () => {
    requireCaddy();
    database = await createTestDatabase('postgres');
    model = await startFakeModelServer();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-caddy-'));
    const [httpsPort, httpPort] = [await freePort(), await freePort()];
    site = `https://localhost:${httpsPort}`;
    const shared = {
      DATABASE_URL: database.env.DATABASE_URL ?? '',
      AUTH_SECRET: 'a-secret-both-instances-share-0123456789',
      PUBLIC_URL: site,
      TRUST_PROXY: 'true',
      MODEL: 'openai-compatible:fake-model',
      MODEL_BASE_URL: model.baseUrl,
    };
    // One after the other, as compose starts them: both migrate the same database.
    instances = [];
    for (const name of ['one', 'two']) {
      const dataDir = path.join(workDir, name);
      fs.mkdirSync(dataDir);
      instances.push(await startBuiltServer({ ...shared, DATA_DIR: dataDir, INSTANCE_ID: name }));
    }

    const deployed = fs.readFileSync(path.join(projectRoot, 'deploy/Caddyfile'), 'utf8');
    expect(deployed.split(composeProxy)).toHaveLength(2);
    const upstreams = instances.map((instance) => new URL(instance.url).host).join(' ');
    fs.writeFileSync(
      path.join(workDir, 'site.caddy'),
      deployed.replace(composeProxy, `reverse_proxy ${upstreams} {`),
    );
    // Global options for a test: no admin API, certificates from Caddy's local CA (as `tls
    // internal`), kept in the temporary directory and never installed in the system's trust store.
    fs.writeFileSync(
      path.join(workDir, 'Caddyfile'),
      [
        '{',
        '\tadmin off',
        `\tstorage file_system {\n\t\troot ${path.join(workDir, 'caddy-data')}\n\t}`,
        '\tlocal_certs',
        '\tskip_install_trust',
        `\thttp_port ${httpPort}`,
        `\thttps_port ${httpsPort}`,
        '\tauto_https disable_redirects',
        '}',
        'import site.caddy',
        '',
      ].join('\n'),
    );
    caddy = spawn('caddy', ['run', '--config', 'Caddyfile', '--adapter', 'caddyfile'], {
      cwd: workDir,
      env: {
        ...process.env,
        SITE_ADDRESS: site,
        HOME: workDir,
        XDG_CONFIG_HOME: path.join(workDir, 'config'),
        XDG_DATA_HOME: path.join(workDir, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const caddyLines = watchLines(caddy);
    await caddyLines.waitForLine((line) => line.includes('certificate obtained successfully'), 30_000);
    rootCertificate = fs.readFileSync(path.join(workDir, 'caddy-data/pki/authorities/local/root.crt'));
    await waitForCertificate(httpsPort, rootCertificate);
    // The first admin, made through the proxy as a new deployment would.
    const setup = await viaCaddy('/api/v1/setup', {
      method: 'POST',
      headers: { origin: site },
      body: { email: 'admin@example.com', password, name: 'Admin' },
    });
    expect(setup.status, setup.body).toBe(201);
  });
  afterAll(async () => {
    caddy?.kill('SIGKILL');
    killChildren();
    await model?.close();
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('answers /readyz over HTTPS with a certificate from Caddy’s CA, and keeps /metrics inside', async () => {
    const ready = await viaCaddy('/readyz');
    expect(ready.status).toBe(200);
    expect((await viaCaddy('/metrics')).status).toBe(404);
    // Not from our CA: the connection is refused, not quietly trusted.
    await expect(
      new Promise((resolve, reject) =>
        https.get(new URL('/readyz', site), { family: 4, agent: false }, resolve).on('error', reject),
      ),
    ).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  });

  it('signs in through Caddy with a Secure cookie, and the session works on both instances', async () => {
    const origin = { origin: site };
    const signedIn = await signIn();
    const sessionCookies = headerList(signedIn, 'set-cookie');
    expect(sessionCookies.length).toBeGreaterThan(0);
    // PUBLIC_URL is https: the browser sends the cookie back over HTTPS only.
    for (const cookie of sessionCookies) expect(cookie).toMatch(/;\s*Secure(;|$)/i);
    const cookie = cookieOf(signedIn);

    // Round robin: consecutive requests alternate between the instances, each reading the session.
    const startedAt = new Set<string>();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const answer = await viaCaddy('/api/v1/version', { headers: { cookie } });
      expect(answer.status, answer.body).toBe(200);
      startedAt.add((JSON.parse(answer.body) as { started_at: string }).started_at);
    }
    expect(startedAt.size).toBe(2);
    for (const instance of instances)
      expect(
        instance.stdout.some(
          (line) => line.includes('"url":"/api/v1/version"') && line.includes('"status":200'),
        ),
      ).toBe(true);

    // A signed-in write passes the origin check on both: the browser's origin is PUBLIC_URL.
    for (const title of ['First chore', 'Second chore']) {
      const added = await viaCaddy('/api/v1/tasks', {
        method: 'POST',
        headers: { ...origin, cookie },
        body: { title },
      });
      expect(added.status, added.body).toBe(201);
    }
    const foreign = await viaCaddy('/api/v1/tasks', {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', cookie },
      body: { title: 'Forged' },
    });
    expect(foreign.status).toBe(403);
  });

  it('takes the client’s address from Caddy’s X-Forwarded-For, not one the client forged', async () => {
    const signedIn = await signIn({ 'x-forwarded-for': '203.0.113.9' });
    const sessions = await viaCaddy('/api/v1/me/sessions', { headers: { cookie: cookieOf(signedIn) } });
    expect(sessions.status, sessions.body).toBe(200);
    const { items: list } = JSON.parse(sessions.body) as {
      items: { ip_address: string | null; current: boolean }[];
    };
    // Caddy replaces a client's X-Forwarded-For with the address it saw; the instance trusts that
    // one hop (TRUST_PROXY=true) and so records the client's address, not Caddy's 127.0.0.1.
    expect(list.find((session) => session.current)?.ip_address).toBe(clientAddress);
    expect(JSON.stringify(list)).not.toContain('203.0.113.9');
  });

  it('streams a chat reply started through one instance on through the other', async () => {
    const cookie = cookieOf(await signIn());
    const story = Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ');
    model.script({ text: story, delayMs: 20 });
    const startedAt = async () => {
      const answer = await viaCaddy('/api/v1/version', { headers: { cookie } });
      return (JSON.parse(answer.body) as { started_at: string }).started_at;
    };
    const before = await startedAt();
    const started = await streamViaCaddy('/api/v1/chat', {
      method: 'POST',
      // As a browser asks (deploy/Caddyfile compresses responses): the events must still come at once.
      headers: { origin: site, cookie, accept: 'text/event-stream', 'accept-encoding': 'gzip' },
      body: { message: 'Tell me a long story' },
    });
    expect(started.response.status).toBe(200);
    // The first events arrive while the model still writes: Caddy passes the stream on unbuffered.
    const first: Record<string, unknown>[] = [];
    for await (const event of readSse(started.response)) {
      first.push(JSON.parse(event.data) as Record<string, unknown>);
      if (first.length === 3) break;
    }
    const conversationId = (first[0]?.messageMetadata as { conversation_id: string }).conversation_id;
    const stream = `/api/v1/chat/${conversationId}/stream`;

    // The next request goes to the other instance, which streams the same reply from Postgres.
    const resumed = await streamViaCaddy(stream, { headers: { cookie, accept: 'text/event-stream' } });
    expect(resumed.response.status).toBe(200);
    started.hangUp();
    const chunks = await uiChunks(resumed.response);
    expect(chunks[0]).toMatchObject({ type: 'start', messageId: first[0]?.messageId });
    expect(streamedText(chunks)).toBe(story);
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });

    // Round robin alternates strictly: version, chat, stream, version went to X, Y, X, Y. Two
    // different start times show both were in turn (a streamed reply logs no "request done").
    const after = await startedAt();
    expect(after).not.toBe(before);
  });
});
