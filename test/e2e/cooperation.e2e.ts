import { describe, expect, it } from 'vitest';
import { adminPassword, eventually, signIn, useServerAndBrowser } from './harness.js';

/** Waits for what the server does: an agent run or a search takes seconds on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => eventually(read, 30_000);

/** The agent cooperation pages against the built server, in a real browser, as two users. */
describe('the cooperation pages', () => {
  const e2e = useServerAndBrowser();

  it('writes an agent, asks it, and shares it through the marketplace with another user who installs and reviews it', async () => {
    const { page, consoleErrors } = await e2e.firstAdmin();
    const created = await page.request.post('/api/v1/admin/users', {
      headers: { origin: e2e.server.url },
      data: { name: 'Bea Builder', email: 'bea@example.com', password: adminPassword },
    });
    expect(created.status()).toBe(201);

    // A new agent from the starter definition; asked something, its answer shows with the run's status.
    await page.goto('/agents');
    await page.getByRole('link', { name: 'New agent' }).click();
    const definition = page.getByLabel('Definition (JSON)');
    await definition.fill(
      (await definition.inputValue())
        .replace('"my-agent"', '"helper"')
        .replace('What this agent is for, in one sentence.', 'Helps with the week'),
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => /^\/agents\/(?!new)[^/]+$/.test(url.pathname));
    await page.getByLabel('Your request').fill('hello there');
    await page.getByRole('button', { name: 'Ask' }).click();
    const answer = page.getByRole('region', { name: 'Answer' });
    await poll(() => answer.getByText('Succeeded').count()).toBe(1);
    expect((await answer.textContent())?.length).toBeGreaterThan(20);
    await poll(() => page.getByRole('list', { name: 'Runs' }).getByText('hello there').count()).toBe(1);

    // Published from the marketplace page.
    await page.goto('/marketplace');
    await page.getByLabel('Which').selectOption({ label: 'helper' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL((url) => /^\/marketplace\/[^/]+$/.test(url.pathname));
    await poll(() => page.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);

    // Bea finds it, installs a copy (it opens as her own agent) and reviews it.
    const bea = await e2e.visitor();
    await signIn(bea.page, 'bea@example.com');
    await bea.page.goto('/marketplace');
    await bea.page.getByRole('link', { name: 'helper' }).click();
    await bea.page.getByRole('button', { name: 'Install a copy' }).click();
    await bea.page.waitForURL((url) => url.pathname.startsWith('/agents/'));
    await poll(() => bea.page.getByRole('button', { name: 'Delete' }).count()).toBe(1);
    await bea.page.goBack();
    await bea.page.getByLabel('Rating').selectOption('4');
    await bea.page.getByLabel('What you found (optional)').fill('Handy for Mondays');
    await bea.page.getByRole('button', { name: 'Post review' }).click();
    await poll(() => bea.page.getByRole('listitem').filter({ hasText: 'Handy for Mondays' }).count()).toBe(1);
    await page.reload();
    await poll(() => page.getByText('1 installs', { exact: false }).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps shared notes with their history, and restores an old version', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/context');
    await page.getByLabel('New space').fill('Launch plan');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL((url) => /^\/context\/[^/]+$/.test(url.pathname));
    await page.getByLabel('Key', { exact: true }).fill('findings/market');
    await page.getByLabel('Value', { exact: true }).fill('{"size": 10}');
    await page.getByRole('button', { name: 'Add' }).first().click();
    const value = page.getByLabel('Value (JSON)');
    await poll(() => value.inputValue()).toContain('"size": 10');
    await value.fill('{"size": 12}');
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.getByText(/^Version 2 ·/).count()).toBeGreaterThan(0);
    const history = page.getByRole('list', { name: 'History' });
    expect(await history.textContent()).toContain('replace /size = 12');
    await history.getByRole('button', { name: 'Restore' }).click();
    await poll(() => value.inputValue()).toContain('"size": 10');
    expect(consoleErrors).toEqual([]);
  });

  it('remembers a fact by hand, finds it by meaning words, and archives it', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/memories');
    await page.getByLabel('Remember', { exact: true }).fill('My manager is Dana');
    await page.getByRole('button', { name: 'Remember' }).click();
    const memories = page.getByRole('list', { name: 'Memories' });
    await poll(() => memories.getByText('My manager is Dana').count()).toBe(1);
    await page.getByLabel('Search memories').fill('who is my manager');
    await page.getByLabel('Search memories').press('Enter');
    await poll(() => memories.getByText(/relevance/).count()).toBe(1);
    // Archived, it is no longer recalled (the search shows active memories), and the archive lists it.
    await memories.getByRole('button', { name: 'Archive' }).click();
    await poll(() => memories.getByText('My manager is Dana').count()).toBe(0);
    await page.goto('/memories?status=archived');
    await poll(() =>
      page.getByRole('list', { name: 'Memories' }).getByText('My manager is Dana').count(),
    ).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('publishes a custom event, finds it in the history, and counts it', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/events/history');
    await page.getByLabel('Type', { exact: true }).first().fill('custom.order.paid');
    await page.getByLabel('Payload (JSON object)').fill('{"total": 120}');
    await page.getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.getByRole('list', { name: 'Events' }).getByText('custom.order.paid').count()).toBe(
      1,
    );
    await page.goto('/events/analytics');
    await poll(() => page.getByRole('cell', { name: 'custom.order.paid' }).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
