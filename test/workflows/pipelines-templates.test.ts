import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { workflowTemplates } from '../../src/modules/workflows/templates/index.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { postgresAvailable } from '../helpers/test-database.js';

type Run = {
  id: string;
  status: string;
  error: unknown;
  output: { total: number; succeeded: number; failed: number; report_document_id: string | null };
  pipeline: { total: number; done: number; failed: number };
};

/**
 * The four pipeline templates, each copied over REST and run to its end offline (no model
 * configured) on a user's real documents; their outputs land as notes and a report note.
 */
describe.runIf(postgresAvailable)('the pipeline templates, offline', { timeout: 180_000 }, () => {
  let testApp: TestApp;
  let request: ReturnType<typeof as>;
  let ownerId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    ownerId = (await seedUser(testApp.app, { email: 'templates-p@example.com' })).id;
    request = as(testApp.app, { cookie: await signIn(testApp.app, 'templates-p@example.com') });
  });
  afterAll(() => testApp?.close());

  /** The failed items of the last run, for the messages of the expectations. */
  let failures: string[] = [];
  const owner = () => actingAs({ userId: ownerId, role: 'user', via: 'http' });

  /** The templates a run of which ran to completion above. */
  const completed = new Set<string>();

  async function copyAndRun(template: string, input: Record<string, unknown>): Promise<Run> {
    const copied = await request({
      method: 'POST',
      url: `/api/v1/workflow-templates/${template}/copy`,
      payload: {},
    });
    expect(copied.statusCode, copied.body).toBe(201);
    const { id } = copied.json() as { id: string };
    const started = await request({
      method: 'POST',
      url: `/api/v1/workflows/${id}/runs?wait=true`,
      payload: { input },
    });
    expect([200, 202], started.body).toContain(started.statusCode);
    let run = started.json() as Run;
    const deadline = Date.now() + 120_000;
    while (!['succeeded', 'failed', 'cancelled'].includes(run.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await request({ method: 'GET', url: `/api/v1/workflow-runs/${run.id}` })).json() as Run;
    }
    expect(run.error, JSON.stringify(run.error)).toBeNull();
    expect(run.status).toBe('succeeded');
    completed.add(template);
    const failed = await request({
      method: 'GET',
      url: `/api/v1/workflow-runs/${run.id}/items?status=failed`,
    });
    failures = (failed.json() as { items: { error: { code: string; message: string } }[] }).items.map(
      (item) => `${item.error.code}: ${item.error.message}`,
    );
    return run;
  }

  const report = async (run: Run) => {
    expect(run.output.report_document_id).toBeTruthy();
    return testApp.app.resources.get(owner(), run.output.report_document_id as string);
  };

  const research = async () => {
    const texts = [
      'Marie Curie worked in Paris with the Sorbonne. Her research on radioactivity was brilliant and won two Nobel prizes.',
      'The committee was disappointed: the results were poor and the budget was wasted on a terrible plan.',
      'Le rapport décrit une méthode simple. Les résultats sont encourageants pour la suite du projet.',
    ];
    for (const [index, content] of texts.entries())
      await testApp.app.resources.create(owner(), {
        kind: 'text',
        name: `research ${index + 1}`,
        content,
        tags: ['research'],
      });
  };

  it('document processing: each document cleaned, summarized, tagged and saved; a report', async () => {
    await research();
    const run = await copyAndRun('process-documents', { tag: 'research' });
    expect(run.output, failures.join('\n')).toMatchObject({ total: 3, succeeded: 3, failed: 0 });
    const processed = await testApp.app.resources.list(owner(), { tag: 'processed', scope: 'mine' });
    const notes = processed.items.filter((item) => item.name.endsWith('(processed)'));
    expect(notes).toHaveLength(3);
    expect(notes.some((note) => note.tags.includes('fr'))).toBe(true);
    const curie = await testApp.app.resources.get(
      owner(),
      (notes.find((note) => note.name.startsWith('research 1')) as { id: string }).id,
    );
    expect(curie.text).toContain('person: Marie Curie');
    const table = await report(run);
    expect(table.text).toContain('3 items: 3 succeeded, 0 failed.');
  });

  it('content analysis: sentiment, readability, keywords, entities and language in a report', async () => {
    const run = await copyAndRun('analyze-content', {
      texts: ['What a wonderful, happy day with great friends.', 'This is awful and sad. I hate the delay.'],
    });
    expect(run.pipeline).toMatchObject({ total: 2, done: 2, failed: 0 });
    const table = (await report(run)).text ?? '';
    for (const column of ['language', 'sentiment', 'score', 'reading_ease', 'keywords', 'entities'])
      expect(table).toContain(`| ${column} |`);
    expect(table).toMatch(/\| en \| positive \|/);
    expect(table).toMatch(/\| en \| negative \|/);
    expect(table).toContain('day, friends, great, happy, wonderful');
  });

  it('writing assistance: corrected text and advice saved per text; no rewrite offline', async () => {
    const run = await copyAndRun('writing-assistance', {
      texts: ['Their resuls was realy good and we was glad about it.'],
    });
    expect(run.output).toMatchObject({ total: 1, succeeded: 1 });
    const reviewed = await testApp.app.resources.list(owner(), { tag: 'reviewed', scope: 'mine' });
    expect(reviewed.items).toHaveLength(1);
    const note = await testApp.app.resources.get(owner(), reviewed.items[0]?.id as string);
    expect(note.text).toContain('Correct the words the dictionary does not know');
    expect(note.text).not.toContain('## Rewritten');
    expect((await report(run)).text).toContain('| false |');
  });

  it('data cleaning: rows of a CSV normalized, anonymized, deduplicated, validated, saved as CSV', async () => {
    const csv = await testApp.app.resources.create(owner(), {
      kind: 'text',
      name: 'contacts.csv',
      mime_type: 'text/plain',
      content: [
        'name,city,email',
        'José   Núñez,Zürich,jose@example.com',
        'José Núñez,Zürich,jose@example.com',
        'Ａｎｎａ,Kraków,anna@example.org',
        ',Paris,nobody@example.net',
      ].join('\n'),
    });
    const run = await copyAndRun('clean-data', { file: csv.id, required_fields: ['name'] });
    expect(run.output).toMatchObject({ total: 4, succeeded: 3, failed: 1 });
    const failed = await request({
      method: 'GET',
      url: `/api/v1/workflow-runs/${run.id}/items?status=failed`,
    });
    expect(failed.json().items[0].error.code).toBe('FIELD_MISSING');
    const cleaned = (await report(run)).text ?? '';
    expect(cleaned.trim().split('\n')).toEqual([
      'name,city,email',
      'Jose Nunez,Zurich,[EMAIL_1]',
      'Anna,Krakow,[EMAIL_1]',
    ]);
  });

  // Last: a pipeline template added without a test of its own here fails this.
  it('ran every pipeline template to completion', () => {
    const pipelines = workflowTemplates.filter((each) => each.definition.kind === 'pipeline');
    expect([...completed].sort()).toEqual(pipelines.map((each) => each.id).sort());
  });
});
