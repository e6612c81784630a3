import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './harness.js';

/** A node of the graph on the page, by its definition path (`condition.then.approval`). */
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** A palette entry, by its key (`kind:condition`, `tool:add_task`). */
const entry = (page: Page, key: string) => page.locator(`[data-palette-entry="${key}"]`);

/** The definition in the JSON view, read. */
async function definitionOf(page: Page): Promise<{ name: string; steps: Record<string, unknown>[] }> {
  return JSON.parse(await page.getByLabel('Definition (JSON)').inputValue());
}

/** Drags from one element to another with the mouse, in small moves (React Flow's connections). */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('not on the page');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The designer and the run monitor against the built server, in Chromium. */
describe('the workflow designer', () => {
  const e2e = useServerAndBrowser();

  it(
    'builds a workflow by dragging and connecting, places the server’s problem on its node, test-runs it and lights it up',
    {
      timeout: 180_000,
    },
    async () => {
      const { page, context, consoleErrors } = await e2e.firstAdmin();
      await page.goto('/workflows/new');
      await eventually(() => node(page, 'note').count()).toBe(1);
      const editor = page.getByLabel('Definition (JSON)');
      await editor.fill((await editor.inputValue()).replace('"my-workflow"', '"publish-review"'));
      // Back up to the palette and the graph (the JSON view is below them).
      await page.getByRole('heading', { name: 'New workflow' }).scrollIntoViewIfNeeded();

      // A condition dragged onto the background stands alone; connecting the first step to it makes it wait.
      const pane = page.locator('.react-flow__pane');
      await entry(page, 'kind:condition').dragTo(pane, { targetPosition: { x: 8, y: 8 } });
      await eventually(() => node(page, 'condition').count()).toBe(1);
      expect((await definitionOf(page)).steps[1]).toMatchObject({ id: 'condition', kind: 'condition' });
      expect((await definitionOf(page)).steps[1]?.needs).toBeUndefined();
      await dragWithMouse(
        page,
        node(page, 'note').locator('.react-flow__handle.source'),
        node(page, 'condition').locator('.react-flow__handle.target').first(),
      );
      await eventually(async () => (await definitionOf(page)).steps[1]?.needs).toEqual(['note']);

      // An approval dropped into the condition's "then" block; a parallel after the condition.
      await entry(page, 'kind:approval').dragTo(node(page, 'condition.then'));
      await eventually(async () => (await definitionOf(page)).steps[1]?.then).toEqual([
        { kind: 'approval', message: 'Go on?', id: 'approval' },
      ]);
      await entry(page, 'kind:parallel').dragTo(pane, { targetPosition: { x: 8, y: 8 } });
      await eventually(() => node(page, 'parallel').count()).toBe(1);
      await dragWithMouse(
        page,
        node(page, 'condition').locator('.react-flow__handle.source').last(),
        node(page, 'parallel').locator('.react-flow__handle.target').first(),
      );
      await eventually(async () => (await definitionOf(page)).steps[2]?.needs).toEqual(['condition']);

      // A tool from its toolset, dropped on the branch's step: it follows it, with its input to fill.
      await page.getByLabel('Filter the steps').fill('add_task');
      await entry(page, 'tool:add_task').dragTo(node(page, 'parallel[0].left'));
      await eventually(() => node(page, 'parallel[0].add_task').count()).toBe(1);
      await page.getByLabel('Filter the steps').fill('');

      // Saving: the server names the missing title, shown by its field and on the step's node.
      await page.getByRole('button', { name: 'Save' }).click();
      await eventually(() => page.getByRole('alert').textContent()).toContain(
        'steps[2].branches[0][1].input',
      );
      await eventually(() => node(page, 'parallel[0].add_task').textContent()).toContain('Problem');
      await screenshot(page, 'designer-problem');

      // Fixed in the step's form (its input schema), applied to the JSON, saved: the workflow's page opens.
      await node(page, 'parallel[0].add_task').click();
      await page.getByLabel('Title (required)', { exact: true }).fill('Publish {{ input.topic }}');
      await page.getByRole('button', { name: 'Apply to the JSON' }).click();
      await eventually(
        async () => ((await definitionOf(page)).steps[2]?.branches as { input?: unknown }[][])[0]?.[1]?.input,
      ).toMatchObject({ title: 'Publish {{ input.topic }}' });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/workflows\/(?!new)[^/]+$/);
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('publish-review');

      // A test run from its input form: the graph lights up as the run goes, and waits for the approval.
      await page.getByLabel('Topic (required)').fill('ferns');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const status = page.getByRole('status', { name: 'The test run' });
      await eventually(() => node(page, 'note').textContent()).toContain('Succeeded');
      await eventually(() => node(page, 'condition.then.approval').textContent()).toContain('Waiting');
      await eventually(() => status.textContent()).toContain('Waiting');
      await screenshot(page, 'designer');

      // Approved from the inbox in another tab: the rest turns green here without a reload.
      const inbox = await context.newPage();
      await inbox.goto('/approvals');
      await eventually(() => inbox.getByText('Go on?').count()).toBe(1);
      await inbox.getByRole('button', { name: 'Approve' }).click();
      await eventually(() => inbox.getByText('Nothing waits for your answer').count()).toBe(1);
      await eventually(() => node(page, 'parallel[0].add_task').textContent()).toContain('Succeeded');
      await eventually(() => status.textContent()).toContain('Succeeded');
      expect(await node(page, 'condition.then.approval').textContent()).toContain('Succeeded');
      const tasks = await page.request.get('/api/v1/tasks?q=ferns');
      expect((await tasks.json()).items.map((task: { title: string }) => task.title).sort()).toEqual([
        'Look into ferns',
        'Publish ferns',
      ]);

      // From the keyboard: a palette entry pressed follows the last step; a step chosen with Enter
      // gets what it waits for from checkboxes.
      await entry(page, 'kind:sleep').focus();
      await page.keyboard.press('Enter');
      await eventually(async () => (await definitionOf(page)).steps.at(-1)).toMatchObject({
        id: 'sleep',
        needs: ['parallel'],
      });
      await node(page, 'sleep').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('checkbox', { name: 'note', exact: true }).focus();
      await page.keyboard.press('Space');
      await eventually(async () => (await definitionOf(page)).steps.at(-1)?.needs).toEqual([
        'parallel',
        'note',
      ]);

      // The designer in the dark theme, its step form open.
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.getByRole('heading', { name: 'Definition' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'designer-dark');

      // The one failed load is the invalid save's 400, made on purpose above.
      expect(consoleErrors.filter((text) => !/status of 400/.test(text))).toEqual([]);
    },
  );

  it(
    'runs a pipeline over 20 documents with its items counted live and each step’s performance',
    {
      timeout: 240_000,
    },
    async () => {
      const { page, consoleErrors } = await e2e.signedIn('ada@example.com');
      const origin = { origin: e2e.server.url };
      for (let index = 1; index <= 20; index += 1) {
        const note = await page.request.post('/api/v1/resources', {
          data: {
            kind: 'text',
            name: `Field note ${index}`,
            content: `Day ${index}: the ferns by the north window look ${index % 2 ? 'wonderful' : 'dry and sad'}.`,
            tags: ['batch'],
          },
          headers: origin,
        });
        expect(note.status()).toBe(201);
      }
      const copied = await page.request.post('/api/v1/workflow-templates/analyze-content/copy', {
        data: {},
        headers: origin,
      });
      expect(copied.status()).toBe(201);
      const pipeline = (await copied.json()) as { id: string; name: string };

      // Started from its page over the documents tagged "batch"; its run page counts the items.
      await page.goto(`/workflows/${pipeline.id}`);
      await page.getByLabel('Tag', { exact: true }).fill('batch');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('link', { name: 'Open the run page' }).click();
      await page.waitForURL('**/runs/*');
      const items = page.getByRole('region', { name: 'Items' });
      await eventually(() => items.textContent()).toMatch(/of 20 items/);
      await eventually(() => items.textContent(), 120_000).toContain('20 of 20 items · 20 done · 0 failed');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Succeeded');
      // Each step gathered its 20 items on the graph; the performance table marks the slowest step.
      await eventually(() => node(page, 'sentiment').textContent()).toContain('20/20');
      const performance = page.getByRole('table', { name: 'Performance per step, the most time first' });
      await eventually(() => performance.getByRole('row').count()).toBe(6);
      expect(await performance.textContent()).toContain('(slowest)');
      await screenshot(page, 'pipeline-run');
      await performance.scrollIntoViewIfNeeded();
      await screenshot(page, 'pipeline-performance');

      // The monitor lists it with its counts.
      await page.goto('/runs');
      await eventually(() => page.getByRole('list', { name: 'Runs' }).textContent()).toContain(
        '20 done, 0 failed of 20 items',
      );
      expect(consoleErrors).toEqual([]);
    },
  );
});
