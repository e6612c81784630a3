import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { projectRoot, watchLines, type WatchedProcess } from '../helpers/child-process.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const adminPassword = 'correct horse battery';

export interface E2eServer {
  url: string;
  process: WatchedProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`bin/switchboard.js serve`, as `npm start` does) on a free port with a
 * fresh embedded database, the offline assistant and the given settings.
 */
export async function startServer(
  settings: Record<string, string> = {},
  { startTimeoutMs = 60_000 }: { startTimeoutMs?: number } = {},
): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-'));
  // A known port, so PUBLIC_URL is the address the browser uses (origin checks compare with it).
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    ...settings,
  };
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/switchboard.js'), 'serve'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watchLines(child);
  const removeData = () => fs.rmSync(dataDir, { recursive: true, force: true });
  let url: string | undefined;
  try {
    const line = await watched.waitForLine((text) => text.includes('listening on'), startTimeoutMs);
    url = /"url":"([^"]+)"/.exec(line)?.[1];
    if (!url) throw new Error(`no address in: ${line}`);
  } catch (error) {
    // A server that did not start in time is not left running behind the failed test.
    child.kill('SIGKILL');
    await watched.closed;
    removeData();
    throw error;
  }
  return {
    url,
    process: watched,
    async stop() {
      child.kill('SIGTERM');
      await watched.closed;
      removeData();
    },
  };
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Debian's Chromium, headless, with no network of its own. */
export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`Chromium is not at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser profile of its own, its page, and the console errors the page has logged so far. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

/** A browser window's size. */
export interface Viewport {
  width: number;
  height: number;
}

/**
 * A fresh browser profile (its own cookies) at a laptop's size, whose console errors and failed
 * page loads are collected: a test can assert the app made none.
 */
export async function newVisitor(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = { width: 1280, height: 800 },
): Promise<Visitor> {
  const context: BrowserContext = await browser.newContext({ baseURL, viewport });
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

/** Signs in through the sign-in page (the one showing, else a fresh one) and waits to leave it. */
export async function signIn(page: Page, email: string, password = adminPassword) {
  if (new URL(page.url()).pathname !== '/signin') await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Creates the first admin through the first-run page (the server sends the first visitor there). */
export async function setUpAdmin(page: Page, { name = 'Ada Admin', email = 'ada@example.com' } = {}) {
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Create the administrator' }).click();
  await page.waitForURL('**/chat');
  return { name, email };
}

/** Keeps a picture of the page for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots', `${name}.png`) });
}

/** Waits for what a user would see: a loaded test machine (two cores, many tests) may take seconds. */
export function eventually<T>(read: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(read, { timeout });
}

/** What a browser test file shares: the built server and one browser, and visitors on them. */
export interface E2eRun {
  /** The running server; read it in tests and hooks, not while the file is collected. */
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A fresh browser profile on the server (see newVisitor). */
  visitor(viewport?: Viewport): Promise<Visitor>;
  /** A fresh profile that creates the first admin through the first-run page (see setUpAdmin). */
  firstAdmin(admin?: { name?: string; email?: string }): Promise<Visitor>;
  /** A fresh profile signed in through the sign-in page. */
  signedIn(email: string, options?: { password?: string; viewport?: Viewport }): Promise<Visitor>;
}

/**
 * Starts the built server (with `settings`) and a browser before the file's tests and stops both
 * after them; call it inside `describe`. A server that may start slowly on a busy machine gets
 * `startTimeoutMs`, and the hook a minute more.
 */
export function useServerAndBrowser({
  settings = {},
  startTimeoutMs = 60_000,
}: { settings?: Record<string, string>; startTimeoutMs?: number } = {}): E2eRun {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([
      startServer(settings, { startTimeoutMs }),
      launchBrowser(),
    ]);
    // Whichever started is stopped in afterAll, even when the other failed.
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, startTimeoutMs + 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const run: E2eRun = {
    get server() {
      if (!server) throw new Error('The server is not running: use it in a test or a hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not running: use it in a test or a hook');
      return browser;
    },
    visitor: (viewport) => newVisitor(run.browser, run.server.url, viewport),
    async firstAdmin(admin) {
      const visitor = await run.visitor();
      await setUpAdmin(visitor.page, admin);
      return visitor;
    },
    async signedIn(email, { password, viewport } = {}) {
      const visitor = await run.visitor(viewport);
      await signIn(visitor.page, email, password);
      return visitor;
    },
  };
  return run;
}
