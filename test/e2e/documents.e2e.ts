import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** The Documents page against the built server: notes, search, versions, sharing, uploads, web pages. */
describe('the Documents page', () => {
  const e2e = useServerAndBrowser({ settings: { UPLOAD_LIMIT: '4096' } });

  const count = (page: Page, text: string | RegExp) => () => page.getByText(text).count();
  const where = (page: Page) => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };

  it('writes a note, finds it with a snippet, edits it, restores version 1 and shares it', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();
    await page.goto('/documents');
    await eventually(count(page, 'No documents yet')).toBe(1);

    await page.getByRole('button', { name: 'Write a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write a note' });
    await dialog.getByLabel('Title').fill('Garden plan');
    await dialog
      .getByLabel('Text')
      .fill('## Spring\n\nPlant **tomatoes** and basil in May.\n\n- compost the beds\n- water daily');
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await page.waitForURL(/\/documents\/[^/?]+$/);
    await eventually(() => page.getByRole('heading', { name: 'Spring' }).count()).toBe(1);
    expect(await page.getByText('tomatoes', { exact: true }).count()).toBe(1);

    // Search from the list: the snippet marks the match; the search survives opening and going back.
    await page.getByRole('link', { name: 'All documents' }).click();
    await page.getByLabel('Search documents').fill('tomatoes');
    await page.getByLabel('Search documents').press('Enter');
    await eventually(() => where(page)).toBe('/documents?q=tomatoes');
    await eventually(() => page.locator('mark', { hasText: 'tomatoes' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Garden plan' }).click();
    await eventually(() => where(page)).toMatch(/^\/documents\/[^/?]+\?q=tomatoes$/);

    // Edit: a new version; then restore version 1 (as version 3).
    await page.getByRole('button', { name: 'Edit text' }).click();
    await page.getByLabel('Note text').fill('## Summer\n\nPick the cucumbers.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: 'Summer' }).count()).toBe(1);
    await eventually(count(page, 'Version 2 (current)')).toBe(1);
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Spring' }).count()).toBe(1);
    await eventually(count(page, 'Version 3 (current)')).toBe(1);

    // Share it.
    await page.getByLabel('Visibility').selectOption('shared');
    await eventually(count(page, /Every user of this Switchboard can read it/)).toBe(1);
    await page.reload();
    await eventually(() => page.getByLabel('Visibility').inputValue()).toBe('shared');

    await page.getByRole('link', { name: 'Back to the results' }).click();
    await eventually(() => where(page)).toBe('/documents?q=tomatoes');
    expect(await page.getByLabel('Search documents').inputValue()).toBe('tomatoes');
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it('uploads by the button and by dropping, shows refusals readably, and refuses a private address', async () => {
    const { page, context } = await e2e.signedIn('ada@example.com');
    await page.goto('/documents');
    const uploads = page.getByRole('list', { name: 'Uploads' });

    await page.getByLabel('Files to upload').setInputFiles([
      {
        name: 'recipes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Recipes\n\nLemon pasta with capers.\n'),
      },
      {
        name: 'program.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
      },
      { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Long minutes. '.repeat(1000)) },
    ]);
    // Sent one after another: once both refusals show, all three are done.
    await eventually(() => uploads.getByRole('alert').count()).toBe(2);
    expect(await uploads.getByText('Uploaded — open it').count()).toBe(1);
    const refusals = uploads.getByRole('alert');
    expect(await refusals.nth(0).textContent()).toMatch(/Files of this type are not kept/);
    expect(await refusals.nth(1).textContent()).toMatch(/larger than the upload limit/);
    await eventually(() => page.getByRole('link', { name: 'recipes.md' }).count()).toBe(1);

    // Drop a file on the page, as from the desktop.
    // Built in the page (a string: these tests compile without the DOM types).
    const dataTransfer = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Meeting notes: ship the web app on Friday.'], 'meeting.txt', { type: 'text/plain' }));
      return transfer;
    })()`);
    await page.dispatchEvent('main h1', 'dragover', { dataTransfer });
    await eventually(count(page, 'Drop files to upload them')).toBe(1);
    await page.dispatchEvent('main h1', 'drop', { dataTransfer });
    await eventually(count(page, 'Drop files to upload them')).toBe(0);
    await eventually(() => page.getByRole('link', { name: 'meeting.txt' }).count()).toBe(1);

    // A web page on a loopback address is refused by the fetch policy, and the dialog says so.
    await page.getByRole('button', { name: 'Add a web page' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a web page' });
    await dialog.getByLabel('Address').fill('http://127.0.0.1:9/admin');
    await dialog.getByRole('button', { name: 'Add page' }).click();
    await eventually(() => dialog.getByRole('alert').textContent()).toMatch(
      /private, loopback or link-local/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A few more documents for the picture of the page.
    for (const [name, content] of [
      ['Quarterly planning', '## Goals\n\n- Launch the web app\n- Halve the support queue'],
      ['Reading list', '- Designing Data-Intensive Applications\n- The Pragmatic Programmer'],
    ])
      await page.request.post('/api/v1/resources', {
        data: { kind: 'text', name, content },
        headers: { origin: e2e.server.url },
      });
    await eventually(() => page.getByRole('link', { name: 'Reading list' }).count()).toBe(1);
    for (const dismiss of await page.getByRole('button', { name: /^Dismiss / }).all()) await dismiss.click();
    await page.waitForTimeout(500);
    await screenshot(page, 'documents');
    await context.close();
  });
});
