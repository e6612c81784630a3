import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, setUpAdmin, signIn, useServerAndBrowser } from './harness.js';

/** Types a message in the composer and sends it with Enter. */
async function say(page: Page, text: string) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
}

/** The tool card of this call (the last one, when the tool was called more than once). */
const toolCard = (page: Page, tool: string) => page.getByLabel(`Tool call: ${tool}`).last();

describe('the chat', () => {
  const e2e = useServerAndBrowser();

  it('adds a task through a tool, branches on an edit, asks before deleting, and keeps it all after a reload', async () => {
    const { page, context, consoleErrors } = await e2e.visitor();
    // Generous waits: the shared test machine can be slow, and every reply is a real one.
    page.setDefaultTimeout(60_000);
    await setUpAdmin(page);
    await page.getByRole('heading', { name: 'What can I do for you?' }).waitFor();

    await say(page, 'add buy milk to my list');
    await toolCard(page, 'add_task').getByText('Succeeded', { exact: true }).waitFor();
    await page.getByText('Added “Buy milk” to your list.').waitFor();
    await page.waitForURL(/\/chat\/[^/]+$/);
    await page
      .getByRole('status')
      .filter({ hasText: 'Assistant is working…' })
      .waitFor({ state: 'detached' });

    // Editing the question makes a second version; the switcher goes back to the first.
    await page.getByRole('button', { name: 'Edit message' }).click();
    await page.getByLabel('Edited text').fill('add buy bread to my list');
    await page.getByRole('button', { name: 'Send the new version' }).click();
    await page.getByText('Added “Buy bread” to your list.').waitFor();
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('2 / 2').waitFor();
    await log.getByRole('button', { name: 'Previous version' }).click();
    await log.getByText('1 / 2').waitFor();
    await page.getByText('Added “Buy milk” to your list.').waitFor();
    expect(await log.getByText('Added “Buy bread” to your list.').count()).toBe(0);
    await page.getByText('Added “Buy milk” to your list.').hover();
    await screenshot(page, 'chat');

    // A destructive tool waits for the user's yes.
    await say(page, 'delete the milk task');
    const deleting = toolCard(page, 'delete_task');
    await deleting.getByText('Needs approval', { exact: true }).waitFor();
    // The question names the task, not its id.
    await deleting.getByText('Delete “Buy milk”?', { exact: true }).waitFor();
    await deleting.getByRole('button', { name: 'Approve' }).click();
    await deleting.getByText('Succeeded', { exact: true }).waitFor();
    await page.getByText('Deleted “Buy milk”.').waitFor();
    await deleting.getByText('Deleted “Buy milk”', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Assistant is working…' })
      .waitFor({ state: 'detached' });

    // Everything was stored: a reload shows the same conversation.
    await page.reload();
    await toolCard(page, 'delete_task').getByText('Succeeded', { exact: true }).waitFor();
    await page.getByText('Added “Buy milk” to your list.').waitFor();
    await page.getByText('delete the milk task', { exact: true }).waitFor();
    await page.getByRole('log', { name: 'Messages' }).getByText('1 / 2').waitFor();

    // A regenerated reply is a new version beside the old one.
    await page.getByRole('button', { name: 'Regenerate reply' }).last().click();
    await page.getByRole('log', { name: 'Messages' }).getByText('2 / 2').waitFor();

    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  }, 300_000);

  it('inserts a prompt from the library with its arguments filled in, opened from a link or the button', async () => {
    const { page, context, consoleErrors } = await e2e.visitor();
    page.setDefaultTimeout(60_000);
    await signIn(page, 'ada@example.com');
    const created = await page.request.post('/api/v1/prompts', {
      headers: { origin: e2e.server.url },
      data: {
        name: 'translate',
        title: 'Translate',
        template: 'Translate into {{language}}: {{text}}',
        arguments: [
          { name: 'language', required: true, enum: ['French', 'German'] },
          { name: 'text', required: true },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // The Prompts page links to /chat?prompt=<id>: the dialog opens on that prompt.
    await page.goto(`/chat?prompt=${id}`);
    const dialog = page.getByRole('dialog', { name: 'Insert a prompt' });
    await dialog.getByLabel('Language').selectOption('German');
    await dialog.getByLabel('Text').fill('good morning');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe(
      'Translate into German: good morning',
    );
    expect(new URL(page.url()).search).toBe('');

    // The same from the button beside the composer, found by a search.
    await page.getByLabel('Message', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Insert a prompt' }).click();
    await dialog.getByLabel('Search prompts').fill('translate');
    await dialog.getByRole('button', { name: /^Translate/ }).click();
    await dialog.getByLabel('Text').fill('thank you');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe(
      'Translate into French: thank you',
    );

    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  }, 120_000);
});
