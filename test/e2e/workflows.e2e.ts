import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** A workflow that asks before it acts: an approval, then a task added with the run's input. */
const reviewedTask = {
  name: 'reviewed-task',
  description: 'Asks before adding a task',
  input_schema: {
    type: 'object',
    properties: { title: { type: 'string', title: 'Task title' } },
    required: ['title'],
  },
  steps: [
    { id: 'ask', kind: 'approval', message: 'Add the task "{{ input.title }}"?' },
    { id: 'add', kind: 'tool', tool: 'add_task', needs: ['ask'], input: { title: '{{ input.title }}' } },
  ],
};

/** The workflow pages against the built server: run from the page, answer from the inbox, watch the graph. */
describe('the workflow pages', () => {
  const e2e = useServerAndBrowser();

  /** The text of a step's node on the run's graph. */
  const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  it('runs a workflow from its page, answers its approval from the inbox and shows it succeed on the graph', async () => {
    const { page, consoleErrors } = await e2e.firstAdmin();
    const created = await page.request.post('/api/v1/workflows', {
      data: reviewedTask,
      headers: { origin: e2e.server.url },
    });
    expect(created.status()).toBe(201);

    // The list shows it, never run yet; its page draws the two steps.
    await page.goto('/workflows');
    await page.getByRole('link', { name: 'reviewed-task' }).click();
    await eventually(() => node(page, 'ask').count()).toBe(1);
    await expect.poll(() => node(page, 'add').count()).toBe(1);
    await screenshot(page, 'workflow');

    // Run it with the input form made from its input_schema; its page opens from the run's status.
    await page.getByLabel('Task title (required)').fill('Water the ferns');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('link', { name: 'Open the run page' }).click();
    await page.waitForURL('**/runs/*');
    await eventually(() => node(page, 'ask').textContent()).toContain('Waiting');
    expect(await node(page, 'add').textContent()).not.toContain('Succeeded');

    // The navigation counts what waits; the inbox asks with the run's input in the message.
    await eventually(() => page.getByRole('link', { name: /Approvals\s*1 waiting/ }).count()).toBe(1);
    const runUrl = page.url();
    await page.getByRole('link', { name: /Approvals/ }).click();
    await eventually(() => page.getByText('Add the task "Water the ferns"?').count()).toBe(1);
    await screenshot(page, 'approvals');
    await page.getByLabel('Comment').fill('Yes, they are dry');
    await page.getByRole('button', { name: 'Approve' }).click();
    await eventually(() => page.getByText('Nothing waits for your answer').count()).toBe(1);

    // Back on the run: both steps turn green and the run ends.
    await page.goto(runUrl);
    await eventually(() => node(page, 'add').textContent()).toContain('Succeeded');
    expect(await node(page, 'ask').textContent()).toContain('Succeeded');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Succeeded');
    await screenshot(page, 'run');

    // The task was added; the monitor lists the run and filters it out by status (in the address).
    const tasks = await page.request.get('/api/v1/tasks?q=ferns');
    expect((await tasks.json()).items.map((task: { title: string }) => task.title)).toEqual([
      'Water the ferns',
    ]);
    await page.goto('/runs');
    await eventually(() => page.getByRole('list', { name: 'Runs' }).getByText('Succeeded').count()).toBe(1);
    await page.getByLabel('Status').selectOption('failed');
    await eventually(() => new URL(page.url()).search).toBe('?status=failed');
    await eventually(() => page.getByText('No run matches these filters').count()).toBe(1);

    // The editor: the server's validation error is shown by its field and on its step's node.
    await page.goto('/workflows');
    await page.getByRole('link', { name: 'reviewed-task' }).click();
    const editor = page.getByLabel('Definition (JSON)');
    await editor.fill((await editor.inputValue()).replace('"add_task"', '"no_such_tool"'));
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('steps[1].tool');
    expect(await page.getByRole('alert').textContent()).toContain('marked on the graph');
    await editor.fill((await editor.inputValue()).replace('"no_such_tool"', '"add_task"'));

    // The designer: a step from the palette, a tool step's input in its form; the JSON follows; saved.
    await page.locator('[data-palette-entry="kind:sleep"]').click();
    await eventually(() => node(page, 'sleep').count()).toBe(1);
    expect(JSON.parse(await editor.inputValue()).steps[2]).toMatchObject({ id: 'sleep', needs: ['add'] });
    await node(page, 'add').click();
    // Autocompletion offers the run's input fields and the steps 'add' may wait for.
    const offered = page.locator('datalist option');
    await eventually(() =>
      offered.evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
    ).toContain('{{ input.title }}');
    await page.getByLabel('Title (required)', { exact: true }).fill('{{ input.title }} today');
    await page.getByRole('button', { name: 'Apply to the JSON' }).click();
    await eventually(async () => JSON.parse(await editor.inputValue()).steps[1].input.title).toBe(
      '{{ input.title }} today',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByText(/Version 2/).count()).toBeGreaterThan(0);
    // The versions: what changed since version 1 is the added step and the new title.
    await page.getByRole('button', { name: 'Diff' }).click();
    const changes = page.getByLabel('Changes from version 1 to the current one');
    await eventually(() => changes.textContent()).toMatch(/\+\s+"title": "\{\{ input\.title \}\} today"/);
    expect(await changes.textContent()).toMatch(/\+\s+"kind": "sleep"/);
    // The one failed load is the invalid save's 400, made on purpose above.
    expect(consoleErrors.filter((text) => !/status of 400/.test(text))).toEqual([]);
  });
});
