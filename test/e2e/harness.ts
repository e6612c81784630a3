import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

/**
 * A fresh browser profile (its own cookies) at a laptop's size, whose console errors and failed
 * page loads are collected: a test can assert the app made none.
 */
export async function newVisitor(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }) {
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
