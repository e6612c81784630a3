import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, screenshot, setUpAdmin, signIn, useServerAndBrowser } from './harness.js';

/**
 * The Settings page in a real browser against the built server: profile, theme, API keys (shown
 * once, working, revoked), sessions, MCP servers, the MCP client configurations and the password.
 */
describe('the Settings page', () => {
  // Loopback is allowed, so an MCP server can be this very instance; other private addresses stay
  // refused. The server may take minutes to start on a busy machine.
  const e2e = useServerAndBrowser({
    settings: { FETCH_ALLOWED_HOSTS: '127.0.0.1' },
    startTimeoutMs: 180_000,
  });
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  const email = 'ada@example.com';

  beforeAll(async () => {
    ({ page, context, consoleErrors } = await e2e.visitor());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url });
    await setUpAdmin(page, { email });
  });

  const sessions = () => page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
  const me = (key: string) =>
    fetch(`${e2e.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });

  it('opens the profile by default and saves a new name, which the navigation shows', async () => {
    await page.goto('/settings');
    await page.waitForURL('**/settings/profile');
    await eventually(() => page.getByText('ada@example.com').count()).toBeGreaterThan(0);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save name' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await eventually(() => nav.getByText('Ada Lovelace').count()).toBe(1);
    await page.reload();
    await eventually(() => nav.getByText('Ada Lovelace').count()).toBe(1);
  });

  it('switches to the dark theme, keeps it after a reload, and back', async () => {
    await page.goto('/settings/appearance');
    const isDark = () => page.evaluate<boolean>("document.documentElement.classList.contains('dark')");
    await page.getByRole('radio', { name: /^Dark/ }).check();
    await eventually(isDark).toBe(true);
    await page.reload();
    await eventually(isDark).toBe(true);
    expect(await page.getByRole('radio', { name: /^Dark/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /^Light/ }).check();
    await eventually(isDark).toBe(false);
  });

  it('creates an API key shown once, which works until it is revoked', async () => {
    await page.goto('/settings/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Laptop');
    await dialog.getByRole('checkbox', { name: /api:read/ }).check();
    expect(await dialog.getByRole('checkbox', { name: /^MCP/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = dialog.getByLabel('Your new API key');
    await eventually(() => shown.count()).toBe(1);
    const key = (await shown.textContent()) ?? '';
    expect(key).toMatch(/^sb_/);
    expect(await dialog.getByText(/will not be shown again/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Copy key' }).click();
    await eventually(() => dialog.getByText('Copied').count()).toBe(1);
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
    expect((await me(key)).status).toBe(200);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await eventually(() => page.getByText(key).count()).toBe(0);
    await eventually(() => page.getByText('Laptop').count()).toBe(1);

    await page.getByRole('button', { name: 'Create API key' }).click();
    await dialog.getByLabel('Name').fill('Nightly backup script');
    await dialog.getByRole('checkbox', { name: /^MCP/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /api:read/ }).check();
    await dialog.getByLabel('Expires').selectOption('90');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await eventually(() => dialog.getByLabel('Your new API key').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await eventually(() => page.getByText('Nightly backup script').count()).toBe(1);
    await screenshot(page, 'settings');

    await page.getByRole('button', { name: 'Revoke Laptop' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await eventually(() => page.getByText('Revoked', { exact: true }).count()).toBe(1);
    expect((await me(key)).status).toBe(401);
  });

  it('lists a second session, and revoking it signs that browser out', async () => {
    const other = await e2e.signedIn(email);
    await page.goto('/settings/sessions');
    await eventually(() => sessions().count()).toBe(2);
    expect(await page.getByText('This session').count()).toBe(1);
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke session' }).click();
    await eventually(() => sessions().count()).toBe(1);
    await other.page.reload();
    await other.page.waitForURL((url) => url.pathname === '/signin');
    await other.context.close();
  });

  it('adds an MCP server, shows its tools, and explains a refused address', async () => {
    const created = await page.request.post('/api/v1/me/api-keys', {
      data: { name: 'Loopback MCP', scopes: ['mcp'] },
      headers: { origin: e2e.server.url },
    });
    const { key } = (await created.json()) as { key: string };
    await page.goto('/settings/mcp-servers');
    await page.getByRole('button', { name: 'Add server' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('private');
    await dialog.getByLabel('URL').fill('http://10.0.0.1/mcp');
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await eventually(() => dialog.getByRole('alert').textContent()).toMatch(/not allowed|private|refused/i);

    await dialog.getByLabel('Name').fill('myself');
    await dialog.getByLabel('URL').fill(`${e2e.server.url}/mcp`);
    await dialog.getByLabel('Bearer token').fill(key);
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Tools of myself' }).click();
    await eventually(() => page.getByRole('dialog').getByText('myself__add_task').count()).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await eventually(() => page.getByText('Connected', { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Disable myself' }).click();
    await eventually(() => page.getByText('Disabled', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete myself' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete server' }).click();
    await eventually(() => page.getByText('No MCP servers yet').count()).toBe(1);
  });

  it('gives ready MCP client configurations with this instance’s address and a fresh key', async () => {
    await page.goto('/settings/connect');
    const cursor = page.getByLabel('Cursor configuration');
    await eventually(() => cursor.textContent()).toContain(`"url": "${e2e.server.url}/mcp"`);
    await page.getByRole('button', { name: 'Create a key for this' }).click();
    await eventually(() => cursor.textContent()).toMatch(/Bearer sb_[A-Za-z0-9_-]{43}"/);
    const vscode = (await page.getByLabel('VS Code configuration').textContent()) ?? '';
    expect(vscode).toContain('"type": "http"');
    await page.getByRole('button', { name: 'Copy Cursor configuration' }).click();
    await eventually(() => page.getByText('Copied').count()).toBe(1);
    const copied = JSON.parse(await page.evaluate<string>('navigator.clipboard.readText()')) as {
      mcpServers: { switchboard: { url: string; headers: { Authorization: string } } };
    };
    const bearer = copied.mcpServers.switchboard.headers.Authorization.replace('Bearer ', '');
    expect((await me(bearer)).status).toBe(403); // an mcp-only key: the REST API wants api:read
    await screenshot(page, 'connect');
  });

  it('changes the password, refusing a wrong current one, and signs in with the new one', async () => {
    await page.goto('/settings/password');
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Confirm new password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/current password is wrong/);

    await page.getByLabel('Current password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => page.getByText('Your password is changed.').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    await signIn(page, email, 'a brand new passphrase');
    expect(new URL(page.url()).pathname).not.toBe('/signin');
    // The refusals above (a wrong password, a private address) are 4xx answers the console reports.
    const unexpected = consoleErrors.filter((text) => !/status of 4\d\d/.test(text));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  });
});
