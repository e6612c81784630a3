import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, eventually, screenshot, signIn, useServerAndBrowser } from './harness.js';

/** Waits for what the server does: an agent run or a search takes seconds on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => eventually(read, 30_000);

/** Whether the page is wider than the window (something would scroll sideways on a phone). */
const overflowsSideways = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');

/** A webhook receiver on this machine: it answers 200 and keeps each body it got. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The agent cooperation pages against the built server, in a real browser, as two users. */
describe('the cooperation pages', () => {
  // Webhooks may go to the test's own receiver on 127.0.0.1, over plain HTTP.
  const e2e = useServerAndBrowser({
    settings: { FETCH_ALLOWED_HOSTS: '127.0.0.1', EVENT_HOOK_LOCAL_HTTP: 'true' },
  });
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  it('writes an agent, asks it, and shares it through the marketplace with another user who installs and reviews it', async () => {
    const { page, consoleErrors } = await e2e.firstAdmin();
    const created = await page.request.post('/api/v1/admin/users', {
      headers: { origin: e2e.server.url },
      data: { name: 'Bea Builder', email: 'bea@example.com', password: adminPassword },
    });
    expect(created.status()).toBe(201);

    // A new agent written in the form: its name, what it is for, a tool picked from its toolset.
    await page.goto('/agents');
    await page.getByRole('link', { name: 'New agent' }).click();
    await page.getByLabel('Name', { exact: true }).fill('helper');
    await page.getByLabel('Description', { exact: true }).fill('Helps with the week');
    await page
      .locator('summary')
      .filter({ hasText: /^Tasks/ })
      .click();
    await page.getByRole('checkbox', { name: /add_task/ }).check();
    await page.getByLabel('Timeout (seconds)').fill('90');
    // The JSON view carries what the form holds, and back.
    await page.getByRole('button', { name: 'JSON' }).click();
    expect(await page.getByLabel('Definition (JSON)').inputValue()).toContain('"add_task"');
    await page.getByRole('button', { name: 'Form' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => /^\/agents\/(?!new)[^/]+$/.test(url.pathname));

    // Asked to do something with its tool: the call shows as a card, the answer with the run's status.
    await page.getByLabel('Your request').fill('add a task to water the plants tomorrow');
    await page.getByRole('button', { name: 'Ask' }).click();
    const answer = page.getByRole('region', { name: 'Answer' });
    // The run's status line (the card below carries its own badge).
    const status = answer.locator('p', { has: page.getByText('Succeeded', { exact: true }) });
    await poll(() => status.count()).toBe(1);
    expect((await answer.textContent())?.length).toBeGreaterThan(20);
    // The call is the chat's tool card: its outcome in words, its input, result and duration behind Details.
    const card = answer
      .getByRole('list', { name: 'Tool calls' })
      .getByRole('region', { name: 'Tool call: add_task' });
    await poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('tool-summary').textContent()).toMatch(/^Added “.*water the plants/i);
    expect(await card.getByText('Succeeded').count()).toBe(1);
    await card.getByRole('button', { name: 'Details' }).click();
    expect(await card.textContent()).toMatch(/Arguments.*Result/);
    expect(await card.getByText(/^\d+(\.\d)? m?s$/).count()).toBe(1);
    await poll(() =>
      page.getByRole('list', { name: 'Runs' }).getByText('add a task to water the plants').count(),
    ).toBe(1);
    await page.reload();
    const performance = page.getByRole('region', { name: 'Health and performance' });
    await poll(() => performance.getByRole('img', { name: /Durations of the last 1 runs/ }).count()).toBe(1);
    expect(await performance.textContent()).toContain('100%');
    await poll(() => page.getByRole('region', { name: 'Mailbox' }).getByText('No messages').count()).toBe(1);
    await performance.scrollIntoViewIfNeeded();
    await screenshot(page, 'agent');

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
    await poll(() => history.textContent()).toContain('replace /size = 12');
    // Names, not ids: the author of each version, and the space's owner among its members.
    expect(await history.getByText('Ada Admin (you)').count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Members' }).textContent()).toContain(
      'Owner: Ada Admin (you)',
    );
    await history.getByRole('button', { name: 'Restore' }).click();
    await poll(() => value.inputValue()).toContain('"size": 10');
    // Who wrote what: Ada, through the web, wrote the entry three times.
    const writers = page.getByRole('list', { name: 'Writers' });
    await poll(() => writers.textContent()).toMatch(
      /Ada Admin \(you\) via http wrote findings\/market \(3×\)/,
    );
    await page.getByRole('region', { name: 'Who wrote what' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'context');
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

  it('remembers what the chat was told, and shows it on the Memory page', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/chat');
    await page.getByLabel('Message', { exact: true }).fill('remember that my favourite colour is teal');
    await page.getByLabel('Message', { exact: true }).press('Enter');
    await page.getByLabel('Tool call: remember').last().getByText('Succeeded', { exact: true }).waitFor();
    await page.goto('/memories');
    const memories = page.getByRole('list', { name: 'Memories' });
    await poll(() => memories.getByText(/favourite colour is teal/i).count()).toBe(1);
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
  it('makes a team from agents, drawn as its pattern, runs it turn by turn, and changes it', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/agents');
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.waitForURL('**/agents/teams');
    await page.getByLabel('Team name').fill('week-crew');
    await page.getByLabel('Pattern').selectOption('pipeline');
    await page.getByLabel('Member 1', { exact: true }).selectOption({ label: 'helper' });
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByLabel('Member 2', { exact: true }).selectOption({ label: 'summarizer' });
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL((url) => /^\/agents\/teams\/[^/]+$/.test(url.pathname));
    await poll(() =>
      page.getByRole('img', { name: /week-crew team as a diagram\. pipeline: helper, summarizer/ }).count(),
    ).toBe(1);
    // Run: each member's turn shows, then the team's answer; the page opens again from its address.
    await page.reload();
    await page
      .getByLabel('Task for the team')
      .fill('summarize this: Teams run their members in turn. Each one answers.');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const teamRun = page.getByRole('region', { name: 'Team run' });
    const turns = teamRun.getByRole('list', { name: 'Turns' }).getByRole('listitem');
    await eventually(() => turns.count(), 120_000).toBe(2);
    await eventually(() => teamRun.getByText('Working…').count(), 120_000).toBe(0);
    expect(await teamRun.getByText('Succeeded', { exact: true }).count()).toBe(1);
    // A review team instead: the writer and the critic pass the work back and forth.
    await page.getByLabel('Pattern').selectOption('review');
    await page.getByLabel('Member 1 role').fill('writer');
    await page.getByLabel('Member 2 role').fill('critic');
    await page.getByRole('button', { name: 'Save team' }).click();
    await poll(() => page.getByText(/^A review team of 2$/).count()).toBe(1);
    await page.goto('/agents/teams');
    await poll(() =>
      page
        .getByRole('list', { name: 'Teams' })
        .getByRole('img', { name: /review: helper, summarizer/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'teams');
    expect(consoleErrors).toEqual([]);
  });

  it('sends a test delivery to a webhook and shows it in the log, and tails events live with filters', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/events/subscriptions');
    const form = page.getByRole('form', { name: 'New subscription' });
    await form.getByLabel('Name', { exact: true }).fill('Orders to the receiver');
    await form.getByLabel('Event types').fill('custom.invoice.*');
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Subscribe' }).click();
    const subscriptions = page.getByRole('list', { name: 'Subscriptions' });
    await poll(() => subscriptions.getByText('Orders to the receiver').count()).toBe(1);
    await subscriptions.getByRole('button', { name: 'Test delivery' }).click();
    await poll(() => receiver.bodies.length).toBe(1);
    expect(JSON.parse(receiver.bodies[0] ?? '{}')).toMatchObject({ event: { type: 'custom.test' } });
    await page.getByRole('link', { name: 'Deliveries' }).click();
    const delivered = page
      .getByRole('listitem')
      .filter({ hasText: 'custom.test' })
      .filter({ hasText: 'delivered' });
    await poll(() => delivered.count()).toBe(1);

    // The live tail: what happens while it is open, filtered by type, opened to its payload.
    await page.getByRole('link', { name: 'Live', exact: true }).click();
    await page.getByLabel('Type pattern').fill('custom.invoice.*');
    const publish = (type: string, data: object) =>
      page.request.post('/api/v1/events', { headers: { origin: e2e.server.url }, data: { type, data } });
    expect((await publish('custom.invoice.sent', { total: 120 })).status()).toBe(201);
    expect((await publish('custom.other.thing', { n: 1 })).status()).toBe(201);
    const live = page.getByRole('list', { name: 'Live events' });
    await poll(() => live.getByText('custom.invoice.sent').count()).toBe(1);
    await poll(() => page.getByText(/^1 of \d+ events/).count()).toBe(1);
    expect(await live.getByText('custom.other.thing').count()).toBe(0);
    await live.getByText('custom.invoice.sent').click();
    await poll(() => live.getByText('"total": 120').count()).toBe(1);
    // The matching event went to the webhook as well.
    await poll(() => receiver.bodies.length).toBe(2);
    await screenshot(page, 'events');
    await page.goto('/events/analytics');
    await page.getByLabel('Types to chart').fill('custom.invoice.*');
    await poll(() => page.getByRole('img', { name: /custom\.invoice\.sent: 1 events/ }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('suggests merging memories that say the same fact, and merges them', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
    await page.goto('/memories');
    // Remembering the same fact twice keeps one; an edit can make two say the same.
    const memories = page.getByRole('list', { name: 'Memories' });
    for (const text of ['I drink tea at four', 'I drink coffee at noon']) {
      await page.getByLabel('Remember', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Remember' }).click();
      await poll(() => memories.getByText(text, { exact: true }).count()).toBe(1);
    }
    await memories
      .getByRole('listitem')
      .filter({ hasText: 'I drink coffee at noon' })
      .getByRole('button', { name: 'Edit' })
      .click();
    await memories.getByLabel('Fact').fill('i drink tea at four.');
    await memories.getByRole('button', { name: 'Save' }).click();
    await poll(() => memories.getByText('i drink tea at four.', { exact: true }).count()).toBe(1);
    const suggestions = page.getByRole('region', { name: 'Merge suggestions' });
    await poll(() => suggestions.getByText(/×2/).count()).toBe(1);
    await page.getByLabel('Tag', { exact: true }).fill('nothing-has-this');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await poll(() => page.getByText('No memory tagged “nothing-has-this”').count()).toBe(1);
    await page.goto('/memories');
    await suggestions.getByRole('button', { name: 'Merge them' }).click();
    await poll(() => page.getByText('1 duplicate merged.').count()).toBe(1);
    await poll(() => page.getByRole('img', { name: /Memories added per day/ }).count()).toBe(1);
    // The page in the dark theme (the system's, which the app follows by default).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('region', { name: 'Memory analytics' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'memory');
    expect(consoleErrors).toEqual([]);
  });

  it('fits a phone: the agent, team and events pages do not scroll sideways', async () => {
    const { page, consoleErrors } = await e2e.signedIn('ada@example.com', {
      viewport: { width: 390, height: 844 },
    });
    for (const path of ['/agents/new', '/agents/teams', '/events/live', '/memories']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await overflowsSideways(page), path).toBe(false);
    }
    expect(consoleErrors).toEqual([]);
  });
});
