import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './axe.js';
import { eventually, useServerAndBrowser, type Visitor } from './harness.js';

/** A workflow that asks before it acts: it waits for an approval, so the inbox and the run have content. */
const reviewedTask = {
  name: 'reviewed-task',
  description: 'Asks before adding a task',
  input_schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  steps: [
    { id: 'ask', kind: 'approval', message: 'Add the task "{{ input.title }}"?' },
    { id: 'add', kind: 'tool', tool: 'add_task', needs: ['ask'], input: { title: '{{ input.title }}' } },
  ],
};

/** The two themes every page is checked in (the app follows the system's until one is chosen). */
const themes = ['light', 'dark'] as const;

/** Checks the page as it is now in both themes (switching the system's colour scheme); fails with both lists. */
async function checkBothThemes(page: Page, where: string) {
  const found: string[] = [];
  // Colours are read as they are settled, not halfway through a button's colour transition.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await eventually(() =>
      page.evaluate<boolean>('document.documentElement.classList.contains("dark")'),
    ).toBe(theme === 'dark');
    for (const violation of await accessibilityViolations(page)) found.push(`[${theme}] ${violation}`);
  }
  if (found.length > 0)
    throw new Error(`${where}: ${found.length} accessibility violations\n${found.join('\n')}`);
}

/** Opens a page, waits for its main heading (the page has loaded), and checks it in both themes. */
async function checkPage(page: Page, path: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(path);
  await eventually(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  await checkBothThemes(page, path);
}

/** Opens a dialog by clicking `opener` on `path`, checks it in both themes, and closes it with Escape. */
async function checkDialog(page: Page, path: string, opener: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(path);
  await page.getByRole('button', { name: opener, exact: true }).first().click();
  await eventually(() => page.getByRole('dialog').count()).toBe(1);
  await checkBothThemes(page, `${path} dialog "${opener}"`);
  await page.keyboard.press('Escape');
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page of the app and its main
 * dialogs, light and dark, as the admin, with a little data so pages are not only empty states.
 */
describe('accessibility', () => {
  const e2e = useServerAndBrowser();
  let visitor: Visitor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    visitor = await e2e.firstAdmin();
    const post = async (path: string, data: unknown) => {
      const response = await visitor.page.request.post(path, { headers: { origin: e2e.server.url }, data });
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    await post('/api/v1/tasks', { title: 'Water the plants', tags: ['home'] });
    ids.prompt = (
      await post('/api/v1/prompts', {
        name: 'code-review',
        title: 'Code review',
        description: 'Review a change',
        template: 'Review this {{language}} change',
        arguments: [{ name: 'language', required: true }],
      })
    ).id;
    ids.note = (await post('/api/v1/resources', { kind: 'text', name: 'Packing list', content: 'Socks' })).id;
    await post('/api/v1/memories', { text: 'My manager is Dana' });
    ids.agent = (await post('/api/v1/agents', { name: 'helper', description: 'Helps with the week' })).id;
    ids.organizer = (
      await post('/api/v1/agents', { name: 'organizer', description: 'Keeps the list', tools: ['add_task'] })
    ).id;
    ids.listing = (await post('/api/v1/marketplace', { kind: 'agent', source_id: ids.agent })).id;
    ids.space = (await post('/api/v1/context/spaces', { name: 'Launch plan' })).id;
    // A workflow that waits for an approval: the approvals inbox and the runs have something to show.
    ids.workflow = (await post('/api/v1/workflows', reviewedTask)).id;
    ids.run = (
      await post(`/api/v1/workflows/${ids.workflow}/runs`, { input: { title: 'Water the ferns' } })
    ).id;
  });

  const pages = [
    '/chat',
    '/tasks',
    '/documents',
    '/prompts',
    '/tools',
    '/settings/profile',
    '/settings/password',
    '/settings/appearance',
    '/settings/sessions',
    '/settings/api-keys',
    '/settings/mcp-servers',
    '/settings/connect',
    '/settings/export',
    '/admin/users',
    '/admin/invites',
    '/admin/audit',
    '/admin/models',
    '/admin/features',
    '/agents/teams',
    '/approvals',
    '/agents',
    '/marketplace',
    '/context',
    '/memories',
    '/events/subscriptions',
    '/events/deliveries',
    '/events/live',
    '/events/history',
    '/events/analytics',
  ];
  for (const path of pages) it(`has no violation on ${path}`, () => checkPage(visitor.page, path));

  it('has no violation on an agent page', () => checkPage(visitor.page, `/agents/${ids.agent}`));
  it('has no violation in an agent run’s tool cards, opened', async () => {
    const { page } = visitor;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`/agents/${ids.organizer}`);
    await page.getByLabel('Your request').fill('add a task to water the plants tomorrow');
    await page.getByRole('button', { name: 'Ask' }).click();
    const card = page.getByRole('region', { name: 'Tool call: add_task' });
    await eventually(() => card.count(), 30_000).toBe(1);
    await card.getByRole('button', { name: 'Details' }).click();
    await checkBothThemes(page, 'an agent run’s tool card');
  });
  it('has no violation on a marketplace listing', () =>
    checkPage(visitor.page, `/marketplace/${ids.listing}`));
  it('has no violation on a context space', () => checkPage(visitor.page, `/context/${ids.space}`));

  it('has no violation on /workflows', () => checkPage(visitor.page, '/workflows'));
  it('has no violation on a workflow page (the designer)', () =>
    checkPage(visitor.page, `/workflows/${ids.workflow}`));
  it('has no violation on /runs', () => checkPage(visitor.page, '/runs'));
  it('has no violation on a run page', () => checkPage(visitor.page, `/runs/${ids.run}`));

  const dialogs: [string, string][] = [
    ['/admin/users', 'Create user'],
    ['/settings/api-keys', 'Create API key'],
    ['/settings/mcp-servers', 'Add server'],
    ['/documents', 'Add a web page'],
    ['/documents', 'Write a note'],
    ['/tasks', 'Edit Water the plants'],
    ['/chat', 'Insert a prompt'],
    ['/chat', 'About Switchboard'],
    ['/workflows', 'Import'],
  ];
  for (const [path, opener] of dialogs)
    it(`has no violation in the "${opener}" dialog`, () => checkDialog(visitor.page, path, opener));

  it('has no violation in the dialog confirming a prompt deletion', () =>
    checkDialog(visitor.page, `/prompts/${ids.prompt}`, 'Delete'));
  it('has no violation in the dialog confirming a document deletion', () =>
    checkDialog(visitor.page, `/documents/${ids.note}`, 'Delete'));

  it('has no violation on the sign-in page', async () => {
    const signedOut = await e2e.visitor();
    await checkPage(signedOut.page, '/signin');
    await signedOut.context.close();
  });

  it('logged no console error', () => {
    expect(visitor.consoleErrors).toEqual([]);
  });
});
