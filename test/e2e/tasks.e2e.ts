import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** The Tasks page against the built server: add, complete, edit, filter (in the URL), delete, live updates. */
describe('the Tasks page', () => {
  const e2e = useServerAndBrowser();

  const checkbox = (page: Page, title: string) => page.getByRole('checkbox', { name: title, exact: true });
  const shows = (page: Page, title: string) => () => checkbox(page, title).count();
  const search = (page: Page) => new URL(page.url()).search;

  /** A calendar day relative to today, as the API takes it (YYYY-MM-DD). */
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('adds, completes, edits, filters, deletes, and shows a task added elsewhere without a reload', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();
    const addTask = (data: Record<string, unknown>) =>
      page.request.post('/api/v1/tasks', { data, headers: { origin: e2e.server.url } });
    await page.goto('/tasks');
    await eventually(() => page.getByText('Nothing to do — add a task above').count()).toBe(1);

    // Inline add: Enter adds, the task appears at once.
    await page.getByLabel('New task').fill('Buy milk');
    await page.getByLabel('New task').press('Enter');
    await eventually(shows(page, 'Buy milk')).toBe(1);
    await eventually(() => page.getByLabel('New task').inputValue()).toBe('');

    for (const task of [
      {
        title: 'Call the plumber',
        description: 'The kitchen sink drips',
        priority: 'high',
        due_date: inDays(-3),
      },
      { title: 'Renew passport', due_date: inDays(12), tags: ['admin'] },
      { title: 'Water the plants', priority: 'low', tags: ['home'] },
    ])
      expect((await addTask(task)).status()).toBe(201);
    await eventually(shows(page, 'Water the plants')).toBe(1);
    await eventually(() => page.getByText(/Overdue ·/).count()).toBe(1);

    // Soonest due first by default (undated last); "Newest first" is in the URL.
    const firstTitle = () => page.getByRole('checkbox').first().getAttribute('aria-label');
    await eventually(firstTitle).toBe('Call the plumber');
    await page.getByLabel('Order').selectOption('created');
    await eventually(() => search(page)).toBe('?sort=created');
    await eventually(firstTitle).toBe('Water the plants');
    await page.goBack();
    await eventually(() => search(page)).toBe('');
    await eventually(firstTitle).toBe('Call the plumber');

    // Complete: it leaves the To do view and is under Completed; the filter is in the URL.
    await checkbox(page, 'Buy milk').click();
    await eventually(shows(page, 'Buy milk')).toBe(0);
    await page.getByLabel('Status').selectOption('completed');
    await eventually(() => search(page)).toBe('?status=completed');
    await eventually(shows(page, 'Buy milk')).toBe(1);
    expect(await checkbox(page, 'Buy milk').isChecked()).toBe(true);
    await page.goBack();
    await eventually(() => search(page)).toBe('');
    await eventually(shows(page, 'Call the plumber')).toBe(1);
    expect(await page.getByLabel('Status').inputValue()).toBe('pending');

    // Edit in the dialog: new title and a tag.
    await page.getByRole('button', { name: 'Edit Call the plumber' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    await dialog.getByLabel('Title').fill('Call the plumber about the sink');
    await dialog.getByLabel('Tags').fill('home, calls');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(shows(page, 'Call the plumber about the sink')).toBe(1);

    // Filter by a tag (click it), then search; back restores each step.
    await page.getByRole('button', { name: 'Filter by tag home' }).first().click();
    await eventually(() => search(page)).toBe('?tag=home');
    // Both waited for: the list is briefly empty while the filtered page loads.
    await eventually(shows(page, 'Renew passport')).toBe(0);
    await eventually(shows(page, 'Water the plants')).toBe(1);
    await page.getByLabel('Search tasks').fill('sink');
    await page.getByLabel('Search tasks').press('Enter');
    await eventually(() => search(page)).toBe('?tag=home&q=sink');
    // The plumber task was already listed under the tag: wait for the search to take the other away.
    await eventually(shows(page, 'Water the plants')).toBe(0);
    await eventually(shows(page, 'Call the plumber about the sink')).toBe(1);
    await page.getByLabel('Search tasks').fill('nothing-like-this');
    await page.getByLabel('Search tasks').press('Enter');
    await eventually(() => page.getByText('Nothing matches these filters').count()).toBe(1);
    await page.goBack();
    await page.goBack();
    await eventually(() => search(page)).toBe('?tag=home');
    await eventually(shows(page, 'Water the plants')).toBe(1);
    expect(await page.getByLabel('Search tasks').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Stop filtering by tag home' }).click();
    await eventually(shows(page, 'Renew passport')).toBe(1);

    // Delete, with Undo in the toast.
    await page.getByRole('button', { name: 'Delete Renew passport' }).click();
    await eventually(shows(page, 'Renew passport')).toBe(0);
    const deleted = page.getByRole('status').filter({ hasText: 'Deleted “Renew passport”' });
    await deleted.getByRole('button', { name: 'Undo' }).click();
    await eventually(shows(page, 'Renew passport')).toBe(1);

    // Another tab adds a task through the API: it appears here without a reload.
    const other = await context.newPage();
    const created = await other.request.post('/api/v1/tasks', {
      data: { title: 'Sent from another tab', tags: ['errands'], due_date: inDays(2) },
      headers: { origin: e2e.server.url },
    });
    expect(created.status()).toBe(201);
    await eventually(shows(page, 'Sent from another tab')).toBe(1);
    await other.close();

    await page.mouse.move(0, 0);
    await page.waitForTimeout(6500); // the toasts fade, so the picture shows the list alone
    await screenshot(page, 'tasks');
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });
});
