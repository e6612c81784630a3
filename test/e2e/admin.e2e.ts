import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminPassword,
  eventually,
  screenshot,
  signIn,
  useServerAndBrowser,
  type Visitor,
} from './harness.js';

/**
 * The Admin page in a real browser against the built server: accounts (create, role, deactivate),
 * the audit log and its filters, the models; and a regular user turned away.
 */
describe('the Admin page', () => {
  // The server may take minutes to start on a busy machine.
  const e2e = useServerAndBrowser({ startTimeoutMs: 180_000 });
  let page: Page;
  let consoleErrors: string[];
  let bea: Visitor;
  const beaEmail = 'bea@example.com';

  beforeAll(async () => {
    ({ page, consoleErrors } = await e2e.firstAdmin());
    bea = await e2e.visitor();
  });

  const users = () => page.getByRole('list', { name: 'Users' });
  const confirm = (label: string) => page.getByRole('dialog').getByRole('button', { name: label }).click();

  it('creates a user, who can then sign in', async () => {
    await page.goto('/admin');
    await page.waitForURL('**/admin/users');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Bea Builder');
    await dialog.getByLabel('Email').fill(beaEmail);
    await dialog.getByLabel('Password').fill(adminPassword);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await eventually(() => users().getByText(beaEmail).count()).toBe(1);

    await signIn(bea.page, beaEmail);
    expect(new URL(bea.page.url()).pathname).toBe('/chat');
  });

  it('tells a regular user the page is not for them, and hides it from their navigation', async () => {
    await bea.page.goto('/admin/users');
    await eventually(() => bea.page.getByText('This page is for administrators.').count()).toBe(1);
    const nav = bea.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('changes a role both ways, and refuses to demote the last admin in words', async () => {
    await page.getByRole('button', { name: 'Make Bea Builder an admin' }).click();
    await confirm('Make admin');
    await expect
      .poll(() => page.getByRole('button', { name: 'Remove admin role from Bea Builder' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Remove admin role from Bea Builder' }).click();
    await confirm('Remove admin role');
    await eventually(() => page.getByRole('button', { name: 'Make Bea Builder an admin' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Remove admin role from Ada Admin' }).click();
    await confirm('Remove admin role');
    await expect
      .poll(() => page.getByRole('dialog').getByRole('alert').textContent())
      .toMatch(/last active admin/);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('deactivates a user: their session ends and signing in says why', async () => {
    await page.getByRole('button', { name: 'Deactivate Bea Builder' }).click();
    await confirm('Deactivate');
    await eventually(() => users().getByText('Deactivated').count()).toBe(1);

    await bea.page.reload();
    await bea.page.waitForURL((url) => url.pathname === '/signin');
    await bea.page.getByLabel('Email').fill(beaEmail);
    await bea.page.getByLabel('Password').fill(adminPassword);
    await bea.page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => bea.page.getByRole('alert').textContent()).toMatch(/deactivated/i);
    await bea.context.close();

    await page.getByRole('button', { name: 'Reactivate Bea Builder' }).click();
    await confirm('Reactivate');
    await eventually(() => users().getByText('Deactivated').count()).toBe(0);
  });

  it('lists the sign-ins in the audit log and filters by action, in the URL', async () => {
    await page.goto('/admin/audit');
    const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
    await eventually(() => entries.count()).toBeGreaterThan(4);
    await screenshot(page, 'admin');
    await page.getByLabel('Action').selectOption('sign_in');
    await page.waitForURL((url) => url.searchParams.get('action') === 'sign_in');
    const onlySignIns = async () => {
      const texts = await entries.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes('sign_in'));
    };
    await eventually(onlySignIns).toBe(true);
    const texts = await entries.allTextContents();
    expect(texts.some((text) => text.includes('denied'))).toBe(true); // the deactivated sign-in
    expect(texts.some((text) => text.includes('Bea Builder') && text.includes('success'))).toBe(true);

    await entries.first().getByRole('button').click();
    await eventually(() => entries.first().getByText('User agent').count()).toBe(1);
    await page.reload();
    expect(await page.getByLabel('Action').inputValue()).toBe('sign_in');
  });

  it('shows the offline model as the default with its status, and checks a model id', async () => {
    await page.goto('/admin/models');
    await eventually(() => page.getByLabel('Default model').inputValue()).toBe('offline');
    const providers = page.getByRole('list', { name: 'Providers' });
    await eventually(() => providers.getByText('Ready').count()).toBe(1);
    await page.getByLabel('Add a model').fill('gpt-4o');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await eventually(() => page.getByText(/Write it as provider:model/).count()).toBe(1);
    await page.getByLabel('Add a model').fill('openai:gpt-4.1-mini');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save models' }).click();
    await eventually(() => providers.getByText('Not configured').count()).toBe(1);
    await eventually(() => providers.getByText(/OPENAI_API_KEY/).count()).toBe(1);
    expect(await page.getByLabel('Default model').inputValue()).toBe('offline');

    const unexpected = consoleErrors.filter((text) => !/status of 4\d\d/.test(text));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  });
});
