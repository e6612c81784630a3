import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/**
 * The chat page's conversations sidebar in a real browser against the built server and the
 * offline assistant: list, search (titles and messages), rename, pin, archive, delete with undo,
 * export, import, and the drawer on a phone-sized screen.
 */
describe('the conversations sidebar', () => {
  const e2e = useServerAndBrowser();
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-conversations-'));
  afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

  /** Sends a chat message as the signed-in user (the page's cookie) and answers the conversation's id. */
  async function chat(page: Page, message: string, conversationId?: string): Promise<string> {
    const response = await page.request.post('/api/v1/chat', {
      data: { message, ...(conversationId ? { conversation_id: conversationId } : {}) },
      headers: { accept: 'application/json', origin: e2e.server.url },
    });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { conversation_id: string }).conversation_id;
  }

  const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
  const row = (page: Page, title: string | RegExp) => sidebar(page).getByRole('link', { name: title });
  async function act(page: Page, title: string, action: string) {
    await sidebar(page)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
  }

  it('lists, searches, renames, pins and archives conversations', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();
    await eventually(() => sidebar(page).getByText('No conversations yet').count()).toBe(1);

    const milk = await chat(page, 'add buy milk to my list');
    await chat(page, 'also remember the zucchini', milk);
    await chat(page, 'What is on my task list?');
    await chat(page, 'remind me to call Sam tomorrow');
    await chat(page, 'summarize this: The quarterly report shows revenue up 12% and costs flat.');
    // Live: conversations started elsewhere appear without a reload.
    await eventually(() => row(page, /add buy milk to my list/).count()).toBe(1);
    await eventually(() => row(page, /What is on my task list/).count()).toBe(1);

    await page.getByLabel('Search conversations').fill('task list');
    await eventually(() => row(page, /add buy milk/).count()).toBe(0);
    await eventually(() => row(page, /What is on my task list/).count()).toBeGreaterThan(0);
    await page.getByLabel('Search conversations').fill('zucchini');
    const inMessages = sidebar(page).getByRole('region', { name: 'In messages' });
    // The question and the assistant's answer ("Added “Zucchini”") both match, in one conversation.
    await eventually(() => inMessages.getByRole('link', { name: /zucchini/i }).count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('zucchini');
    await inMessages
      .getByRole('link', { name: /zucchini/i })
      .first()
      .click();
    await page.waitForURL(`**/chat/${milk}?q=zucchini`);
    await page.getByLabel('Search conversations').fill('');
    await eventually(() => row(page, /What is on my task list/).count()).toBe(1);
    await expect(row(page, /add buy milk/).getAttribute('aria-current')).resolves.toBe('page');

    await act(page, 'add buy milk to my list', 'Rename');
    await page.getByLabel('Conversation title').fill('Groceries');
    await page.getByLabel('Conversation title').press('Enter');
    await eventually(() => row(page, /Groceries/).count()).toBe(1);

    await act(page, 'Groceries', 'Pin');
    const pinned = sidebar(page).getByRole('region', { name: 'Pinned' });
    await eventually(() => pinned.getByRole('link', { name: /Groceries/ }).count()).toBe(1);
    await screenshot(page, 'conversations');

    await act(page, 'What is on my task list?', 'Archive');
    await eventually(() => row(page, /What is on my task list/).count()).toBe(0);
    await page.getByRole('button', { name: 'Archived' }).click();
    await eventually(() => row(page, /What is on my task list/).count()).toBe(1);
    await eventually(() => row(page, /Groceries/).count()).toBe(0);
    await page.reload();
    await eventually(() => row(page, /What is on my task list/).count()).toBe(1);
    await page.getByRole('button', { name: 'Archived' }).click();
    await eventually(() => pinned.getByRole('link', { name: /Groceries/ }).count()).toBe(1);
    await eventually(() => row(page, /What is on my task list/).count()).toBe(0);

    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it('deletes with undo: Undo keeps it, waiting or leaving deletes it', async () => {
    const { page, context, consoleErrors } = await e2e.signedIn('ada@example.com');
    const kept = await chat(page, 'Keep this one please');
    const gone = await chat(page, 'Delete this one later');
    const left = await chat(page, 'Delete this one on leaving');
    await page.goto(`/chat/${kept}`);
    await eventually(() => row(page, /Keep this one/).count()).toBe(1);

    await act(page, 'Keep this one please', 'Delete');
    await eventually(() => row(page, /Keep this one/).count()).toBe(0);
    await page.waitForURL((url) => url.pathname === '/chat');
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => row(page, /Keep this one/).count()).toBe(1);

    await act(page, 'Delete this one later', 'Delete');
    await eventually(() => page.getByText('Conversation deleted').count()).toBe(1);
    const deleted = await page.waitForResponse(
      (response) =>
        response.request().method() === 'DELETE' && response.url().endsWith(`/conversations/${gone}`),
      { timeout: 10_000 },
    );
    expect(deleted.status()).toBe(204);

    await act(page, 'Delete this one on leaving', 'Delete');
    await page.reload();
    await eventually(() => row(page, /Keep this one/).count()).toBe(1);
    await eventually(() => row(page, /Delete this one later/).count()).toBe(0);
    await eventually(async () => (await page.request.get(`/api/v1/conversations/${left}`)).status()).toBe(
      404,
    );
    await expect(row(page, /Delete this one on leaving/).count()).resolves.toBe(0);
    expect(
      consoleErrors.filter((error) => !error.includes('404')),
      consoleErrors.join('\n'),
    ).toEqual([]);
    await context.close();
  });

  it('exports a conversation and all of them, and imports the export again', async () => {
    const { page, context } = await e2e.signedIn('ada@example.com');
    await page.goto('/chat');
    await eventually(() => row(page, /Groceries/).count()).toBe(1);

    const markdown = page.waitForEvent('download');
    await act(page, 'Groceries', 'Export as Markdown');
    expect((await markdown).suggestedFilename()).toMatch(/\.md$/);

    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Import and export' }).click();
    await page.getByRole('menuitem', { name: 'Export all as JSON' }).click();
    const file = path.join(downloads, (await json).suggestedFilename());
    await (await json).saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { conversations: unknown[] };
    expect(exported.conversations.length).toBeGreaterThan(0);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import and export' }).click();
    await page.getByRole('menuitem', { name: 'Import conversations…' }).click();
    await (await chooser).setFiles(file);
    await eventually(() =>
      page.getByText(`Imported ${exported.conversations.length} conversations.`).count(),
    ).toBe(1);
    await eventually(() => row(page, /Groceries/).count()).toBe(2);

    const notJson = path.join(downloads, 'notes.json');
    fs.writeFileSync(notJson, 'not json at all');
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import and export' }).click();
    await page.getByRole('menuitem', { name: 'Import conversations…' }).click();
    await (await again).setFiles(notJson);
    await eventually(() => page.getByRole('alert').filter({ hasText: 'is not JSON' }).count()).toBe(1);
    await context.close();
  });

  it('opens the list from the Conversations button on a phone-sized screen', async () => {
    const { page, context, consoleErrors } = await e2e.signedIn('ada@example.com', {
      viewport: { width: 375, height: 800 },
    });
    await page.goto('/chat');
    const toggle = page.getByRole('button', { name: 'Conversations', exact: true });
    expect(await sidebar(page).isVisible()).toBe(false);
    await toggle.click();
    await eventually(() => sidebar(page).isVisible()).toBe(true);
    await row(page, /Keep this one/)
      .first()
      .click();
    await page.waitForURL(/\/chat\/[^/]+$/);
    await eventually(() => sidebar(page).isVisible()).toBe(false);
    await toggle.click();
    await page.keyboard.press('Escape');
    await eventually(() => sidebar(page).isVisible()).toBe(false);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });
});
