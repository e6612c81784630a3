import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** Waits for what the server does: a tool run takes seconds on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => eventually(read, 20_000);

const first = 'Summarize the week for {{team}} in a {{tone}} tone.';
const second = 'Summarize the week for {{team}} in a {{tone}} tone.\nList three highlights and one risk.';

/** The Prompts page against the built server: write with a live preview, version, diff, restore, search, use in chat. */
describe('the Prompts page', () => {
  const e2e = useServerAndBrowser();

  it('creates a prompt with arguments, previews, versions, diffs, restores, finds it and uses it in chat', async () => {
    const { page, context, consoleErrors } = await e2e.firstAdmin();
    const created = await page.request.post('/api/v1/prompts', {
      headers: { origin: e2e.server.url },
      data: {
        name: 'code-review',
        title: 'Code review',
        description: 'Review a change for bugs and clarity',
        template: 'Review this {{language}} change:\n\n{{diff}}',
        arguments: [
          { name: 'language', required: true },
          { name: 'diff', required: true },
        ],
        tags: ['dev'],
        visibility: 'shared',
      },
    });
    expect(created.status()).toBe(201);
    await page.goto('/prompts');
    await poll(() => page.getByRole('link', { name: 'Code review' }).count()).toBe(1);

    // A new prompt: the template's names are offered as arguments, the preview fills as we type.
    await page.getByRole('link', { name: 'New prompt' }).first().click();
    await page.waitForURL('**/prompts/new');
    await page.getByLabel('Name', { exact: true }).fill('weekly-summary');
    await page.getByLabel('Title', { exact: true }).fill('Weekly summary');
    await page.getByLabel('Description', { exact: true }).fill('A short summary of the team’s week');
    await page.getByLabel('Tags', { exact: true }).fill('writing, team');
    await page.getByLabel('Template').fill(first);
    await page.getByRole('button', { name: 'Add them' }).click();
    expect(await page.getByLabel('Argument name').count()).toBe(2);
    await page.getByLabel('Argument description').first().fill('Who the summary is for');
    await page.getByLabel('Argument description').nth(1).fill('Friendly, formal or brief');
    await poll(() => page.getByText('Missing required: team, tone').count()).toBe(1);
    await page.getByLabel('team (required)').fill('the design team');
    await page.getByLabel('tone (required)').fill('friendly');
    await poll(() => page.getByLabel('Rendered prompt').textContent()).toBe(
      'Summarize the week for the design team in a friendly tone.',
    );
    await page.getByRole('button', { name: 'Save prompt' }).click();
    await page.waitForURL((url) => /^\/prompts\/(?!new)[^/]+$/.test(url.pathname));
    const promptId = new URL(page.url()).pathname.split('/').pop();
    await poll(() => page.getByText(/^Version 1 · used/).count()).toBe(1);
    expect(await page.getByLabel('Rendered prompt').textContent()).toBe(
      'Summarize the week for the design team in a friendly tone.',
    );

    // Edit: version 2, and the diff shows the added line with its marker.
    await page.getByLabel('Template').fill(second);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await poll(() => page.getByText(/^Version 2 · used/).count()).toBe(1);
    await poll(() => page.getByLabel('Rendered prompt').textContent()).toBe(
      'Summarize the week for the design team in a friendly tone.\nList three highlights and one risk.',
    );
    await poll(() => page.getByLabel('Differences').textContent()).toContain(
      '+List three highlights and one risk.',
    );
    await poll(() => page.getByText('Saved as version 2.').count()).toBe(0);
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await screenshot(page, 'prompts');

    // Restore version 1: version 3 has its template again, and the diff 1 → 3 is empty.
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await poll(() => page.getByText(/^Version 3 · used/).count()).toBe(1);
    expect(await page.getByLabel('Template').inputValue()).toBe(first);
    await page.getByLabel('Compare from').selectOption('1');
    await page.getByLabel('to', { exact: true }).selectOption('3');
    await poll(() => page.getByText('The templates are the same.').count()).toBe(1);

    // Search from the library, in the URL.
    await page.getByRole('link', { name: 'All prompts' }).click();
    await page.getByLabel('Search prompts').fill('week');
    await page.getByLabel('Search prompts').press('Enter');
    await poll(() => new URL(page.url()).search).toBe('?q=week');
    await poll(() => page.getByRole('link', { name: 'Weekly summary' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Code review' }).count()).toBe(0);
    await page.goBack();
    await poll(() => page.getByRole('link', { name: 'Code review' }).count()).toBe(1);
    expect(await page.getByLabel('Search prompts').inputValue()).toBe('');
    await page.goForward();
    await poll(() => page.getByLabel('Search prompts').inputValue()).toBe('week');

    // Use in chat: the chat opens with this prompt.
    await page.getByRole('link', { name: 'Weekly summary' }).click();
    await page.getByRole('link', { name: 'Use in chat' }).click();
    await page.waitForURL((url) => url.pathname === '/chat');
    expect(new URL(page.url()).searchParams.get('prompt')).toBe(promptId);

    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });
});
