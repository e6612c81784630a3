import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminPassword, eventually, signIn, useServerAndBrowser } from './harness.js';

/**
 * The path a new user walks, end to end in a real browser against the built server and the offline
 * assistant: set up, chat a task into existence, find it, reload, and see none of it as someone else.
 */
describe('a first session with Switchboard', () => {
  const e2e = useServerAndBrowser();
  let conversationPath: string;

  const toolCard = (page: Page, tool: string) => page.getByLabel(`Tool call: ${tool}`);

  it('sets up the admin, adds a task through the chat, finds it in Tasks and again after a reload', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();

    await page.getByLabel('Message').fill('add buy milk to my list');
    await page.getByRole('button', { name: 'Send' }).click();
    await eventually(() => toolCard(page, 'add_task').getByText('Succeeded').count()).toBe(1);
    await page.waitForURL(/\/chat\/[^/]+$/);
    conversationPath = new URL(page.url()).pathname;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL('**/tasks');
    await eventually(() => page.getByText('Buy milk').count()).toBeGreaterThan(0);

    await page.goBack();
    await page.waitForURL(`**${conversationPath}`);
    await page.reload();
    const messages = page.getByRole('log', { name: 'Messages' });
    await eventually(() => messages.getByText('add buy milk to my list').count()).toBe(1);
    await eventually(() => toolCard(page, 'add_task').getByText('Succeeded').count()).toBe(1);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);

    const created = await page.request.post('/api/v1/admin/users', {
      data: { name: 'Bea', email: 'bea@example.com', password: adminPassword, role: 'user' },
      headers: { origin: e2e.server.url },
    });
    expect(created.status()).toBe(201);
    await context.close();
  });

  it('shows another user neither the conversation nor the task, not even by a deep link', async () => {
    const { page, context } = await e2e.signedIn('bea@example.com');

    const conversations = page.getByRole('navigation', { name: 'Conversations' });
    await conversations.waitFor();
    expect(await conversations.getByRole('link', { name: /milk/i }).count()).toBe(0);

    await page.goto(conversationPath);
    await expect
      .poll(() => page.getByText(/not found|no longer exists|does not exist/i).count())
      .toBeGreaterThan(0);
    expect(await page.getByText('add buy milk to my list').count()).toBe(0);

    await page.goto('/tasks');
    await page.getByLabel('New task').waitFor();
    expect(await page.getByText('Buy milk').count()).toBe(0);
    await context.close();
  });

  it('signs out, and then a deep link goes to sign in and back', async () => {
    const { page, context } = await e2e.signedIn('ada@example.com');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');

    await page.goto(conversationPath);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/signin');
    expect(url.searchParams.get('next')).toBe(conversationPath);
    await signIn(page, 'ada@example.com');
    expect(new URL(page.url()).pathname).toBe(conversationPath);
    await context.close();
  });
});
