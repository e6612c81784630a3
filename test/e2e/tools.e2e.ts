import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** Waits for what the server does: a tool run takes seconds on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => eventually(read, 20_000);

/** The Tools page against the built server: tools grouped by toolset, generated forms, results, errors by field. */
describe('the Tools page', () => {
  const e2e = useServerAndBrowser();

  /** The value beside a label in the readable result. */
  const resultValue = (page: Page, label: string) =>
    page
      .getByRole('region', { name: 'Result' })
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .first()
      .locator('xpath=following-sibling::dd[1]')
      .textContent();

  it('groups the tools, runs one from its generated form, shows the result and errors by their field', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();
    await page.goto('/tools');

    // Grouped by toolset: the Text analysis group lists the basic statistics tool.
    const group = page.getByRole('region', { name: 'Text analysis' });
    await poll(() => group.getByRole('link', { name: 'Basic text statistics' }).count()).toBe(1);
    expect(
      await page.getByRole('region', { name: 'Tasks' }).getByRole('link', { name: 'Add a task' }).count(),
    ).toBe(1);
    await page.getByLabel('Filter tools').fill('readability');
    await poll(() => page.getByRole('region', { name: 'Tasks' }).count()).toBe(0);
    await page.getByLabel('Filter tools').fill('');

    // Run analyze_text_basic: its word count is in the readable result.
    await group.getByRole('link', { name: 'Basic text statistics' }).click();
    await page.waitForURL('**/tools/analyze_text_basic');
    expect(await page.getByLabel('Reading speed (words a minute)').inputValue()).toBe('238');
    await page
      .getByLabel('Text', { exact: true })
      .fill(
        'Switchboard keeps every tool in one place. Each form is made from the tool’s own input schema, so nothing is written twice.',
      );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => resultValue(page, 'Words')).toBe('22');
    await page.getByRole('button', { name: 'Show JSON' }).click();
    await poll(() => page.getByLabel('Result as JSON').textContent()).toContain('"words": 22');
    await page.getByRole('button', { name: 'Hide JSON' }).click();
    await screenshot(page, 'tools');

    // A value the server refuses is shown under its own field.
    await page.getByRole('textbox', { name: 'Language' }).fill('english');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => page.getByRole('textbox', { name: 'Language' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await poll(() => page.getByText(/^language: /).count()).toBe(1);

    // add_task: a required field left empty is caught by its field; filled in, the task is the result.
    await page.goto('/tools/add_task');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => page.getByLabel('Title (required)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Title (required)').fill('Water the plants');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => page.getByText(/^Added "Water the plants" \(pending/).count()).toBe(1);
    await poll(() => resultValue(page, 'Title')).toBe('Water the plants');

    // A destructive tool asks first.
    await page.goto('/tools/delete_task');
    await page.getByLabel('Task id (required)').fill('no-such-task');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Run “Delete a task”?' });
    await dialog.getByRole('button', { name: 'Run it' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'TASK_NOT_FOUND' }).count()).toBe(1);

    expect(
      consoleErrors.filter((error) => !error.includes('400')),
      consoleErrors.join('\n'),
    ).toEqual([]);
    await context.close();
  });
});
