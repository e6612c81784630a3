import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/actor.js';
import { workflowTemplates } from '../../src/modules/workflows/templates/index.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';

/**
 * Every built-in template runs to its end on the real engine with no model configured (the
 * offline assistant), acting on a user's real tasks and documents.
 */
describe('the built-in templates on the durable engine', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let actor: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    const ownerId = (await seedUser(testApp.app, { email: 'templates@example.com' })).id;
    actor = restActor(ownerId);
    for (const template of workflowTemplates) await insertWorkflow(testApp.app, ownerId, template.definition);
  });
  afterAll(() => testApp?.close());

  const template = (id: string) => {
    const found = workflowTemplates.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no template ${id}`);
    return found;
  };

  /** Starts a template's workflow. */
  const start = (id: string, input: Record<string, unknown> = {}) =>
    testApp.app.workflows.runs.start(actor, {
      workflow: template(id).definition.name,
      input,
      trigger: { kind: 'manual', surface: 'test' },
    });

  /** The templates a run of which ran to completion above. */
  const completed = new Set<string>();

  /** Waits for a run's end; gives it with its steps, checked to have succeeded. */
  async function ended(id: string, runId: string) {
    const { runs } = testApp.app.workflows;
    await runs.waitForEnd(actor, runId, { timeoutMs: 30_000 });
    const detail = await runs.get(actor, runId);
    expect(detail.error, `${id} failed`).toBeNull();
    expect(detail.status).toBe('succeeded');
    completed.add(id);
    return detail;
  }

  /** Runs a template's workflow to its end. */
  const run = async (id: string, input: Record<string, unknown> = {}) =>
    ended(id, (await start(id, input)).id);

  /** The approval a run waits for, once it waits (its status read again until then). */
  async function approvalOf(runId: string) {
    const { runs, approvals } = testApp.app.workflows;
    for (let tries = 0; tries < 400; tries++) {
      if ((await runs.get(actor, runId)).status === 'waiting') {
        const waiting = (await approvals.list(actor, {})).items.find((item) => item.run_id === runId);
        if (waiting) return waiting;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`run ${runId} never waited for an approval`);
  }

  const note = async (name: string, content: string) =>
    (await testApp.app.resources.create(actor, { kind: 'text', name, content })).id;
  const documentsNamed = async (name: string) =>
    (await testApp.app.resources.list(actor, { limit: 100 })).items.filter((item) => item.name === name);
  const tasksTagged = async (tag: string) =>
    (await testApp.app.tasks.list(actor, { status: 'all', tag, limit: 100 })).items;

  it('daily-task-digest saves the overdue and due tasks as a digest note', async () => {
    await testApp.app.tasks.add(actor, { title: 'Renew the passport', due_date: '2020-01-01' });
    await testApp.app.tasks.add(actor, { title: 'Someday', due_date: '2099-01-01' });
    const detail = await run('daily-task-digest');
    expect(detail.output).toMatchObject({ tasks: 1 });
    const digest = await testApp.app.resources.get(actor, (detail.output as { note_id: string }).note_id);
    expect(digest.tags).toEqual(['digest']);
    expect(digest.text).toContain('- Renew the passport (due 2020-01-01) **overdue**');
    expect(digest.text).not.toContain('Someday');
  });

  it('document-intake cleans, detects the language, summarizes, tags and stores a note', async () => {
    const text =
      'The city council met on Tuesday.   It voted 7 to 2 to approve funding for the new park.\n\n\nConstruction starts in March and ends next year. The mayor welcomed the decision.';
    const detail = await run('document-intake', { text, name: 'Council news' });
    expect(detail.output).toMatchObject({
      language: 'English',
      summary: expect.stringContaining('approve funding'),
    });
    const [stored] = await documentsNamed('Council news');
    expect(stored?.tags.slice(0, 2)).toEqual(['intake', 'en']);
    expect(stored?.tags.length).toBeGreaterThan(2);
    expect(detail.steps.map((step) => step.path).sort()).toEqual([
      'clean',
      'headline',
      'language',
      'note',
      'summary',
    ]);
  });

  it('meeting-notes-to-tasks adds a task per action item, in order', async () => {
    const notes =
      'Weekly sync\nWe talked about the budget.\n- [ ] send the minutes to Ana\nTODO: book the room\nAction: call the printer';
    const detail = await run('meeting-notes-to-tasks', { notes, meeting: 'Weekly sync', tag: 'sync' });
    expect(detail.output).toEqual({
      action_items: ['Send the minutes to Ana', 'Book the room', 'Call the printer'],
    });
    const tasks = await tasksTagged('sync');
    expect(tasks.map((task) => task.title).sort()).toEqual([
      'Book the room',
      'Call the printer',
      'Send the minutes to Ana',
    ]);
    expect(tasks.find((task) => task.title === 'Book the room')?.description).toBe(
      'Action item 2 of the meeting “Weekly sync”',
    );
  });

  it('review-and-publish publishes a shared copy once approved, with the preface asked for', async () => {
    const plan = await note(
      'Garden plan',
      'We plant the beans in April. The tomatoes go in after the frost. Water daily.',
    );
    const started = await start('review-and-publish', { document_id: plan });
    const approval = await approvalOf(started.id);
    expect(approval.message).toMatch(/^Publish “Garden plan” to every user as a shared note\?\n\nSummary: /);
    await testApp.app.workflows.approvals.answer(
      actor,
      approval.id,
      { approved: true, values: { preface: 'For all' } },
      'http',
    );
    const detail = await ended('review-and-publish', started.id);
    expect(detail.output).toEqual({ approved: true, comment: null });
    const published = (await documentsNamed('Garden plan')).find((item) => item.visibility === 'shared');
    expect(published?.tags).toEqual(['published']);
    expect((await testApp.app.resources.get(actor, published?.id ?? '')).text).toMatch(
      /^For all\n\nWe plant the beans/,
    );
  });

  it('review-and-publish publishes nothing when refused', async () => {
    const draft = await note('Draft', 'Not ready yet. Still thinking about it.');
    const started = await start('review-and-publish', { document_id: draft });
    const approval = await approvalOf(started.id);
    await testApp.app.workflows.approvals.answer(
      actor,
      approval.id,
      { approved: false, comment: 'not yet' },
      'http',
    );
    const detail = await ended('review-and-publish', started.id);
    expect(detail.output).toEqual({ approved: false, comment: 'not yet' });
    expect(detail.steps.find((step) => step.path === 'decision')?.branch).toBe('else');
    expect(await documentsNamed('Draft')).toHaveLength(1);
  });

  it('normalize-documents saves a normalized copy of each document, tagged with its language', async () => {
    const wide = await note('Wide', 'Ｈｅｌｌｏ   world, this is ﬁne English text about the weather today.');
    const french = await note(
      'Météo',
      'Le conseil a voté pour financer le parc. Les travaux commencent en mars.',
    );
    const detail = await run('normalize-documents', { document_ids: [wide, french] });
    expect(detail.output).toEqual({ documents: 2 });
    const [normalized] = await documentsNamed('Wide (normalized)');
    expect(normalized?.tags).toEqual(['normalized', 'en']);
    expect((await testApp.app.resources.get(actor, normalized?.id ?? '')).text).toBe(
      'Hello world, this is fine English text about the weather today.',
    );
    expect((await documentsNamed('Météo (normalized)'))[0]?.tags).toEqual(['normalized', 'fr']);
  });

  it('weekly-overdue-reminder adds one reminder listing the overdue tasks, and none when nothing is overdue', async () => {
    const detail = await run('weekly-overdue-reminder');
    expect(detail.output).toEqual({ overdue: 1 });
    const [reminder, ...more] = await tasksTagged('reminder');
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ title: '1 task is overdue', priority: 'high' });
    expect(reminder?.description).toBe('- Renew the passport (due 2020-01-01)');

    const overdue = (await testApp.app.tasks.list(actor, { status: 'pending', limit: 100 })).items.find(
      (task) => task.title === 'Renew the passport',
    );
    await testApp.app.tasks.complete(actor, overdue?.id ?? '');
    const quiet = await run('weekly-overdue-reminder');
    expect(quiet.output).toEqual({ overdue: 0 });
    expect(quiet.steps.find((step) => step.path === 'any_overdue')?.branch).toBe('else');
    expect(await tasksTagged('reminder')).toHaveLength(1);
  });

  // Last: a template added without a test of its own here fails this.
  it('ran every workflow template to completion (the pipeline ones: pipelines-templates.test.ts)', () => {
    const workflowKind = workflowTemplates.filter((each) => each.definition.kind !== 'pipeline');
    expect([...completed].sort()).toEqual(workflowKind.map((each) => each.id).sort());
  });
});
