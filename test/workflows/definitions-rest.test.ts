import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const digest = (name: string, title = 'Digest') => ({
  name,
  description: 'Adds a digest task',
  input_schema: { type: 'object', properties: { day: { type: 'string' } } },
  steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: `${title} {{ input.day }}` } }],
});

describe('workflow definitions over REST', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let aliceCookie: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceCookie = await signIn(testApp.app, 'alice@example.com');
    alice = as(testApp.app, { cookie: aliceCookie });
    bob = as(testApp.app, { cookie: await signIn(testApp.app, 'bob@example.com') });
  });
  afterAll(() => testApp.close());

  it('creates, reads by id and by name, replaces, lists versions and restores', async () => {
    const created = await alice({ method: 'POST', url: '/api/v1/workflows', payload: digest('daily') });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await alice({ method: 'GET', url: '/api/v1/workflows/daily' })).json()).toMatchObject({
      id,
      version: 1,
    });

    const replaced = await alice({
      method: 'PUT',
      url: `/api/v1/workflows/${id}`,
      payload: digest('daily', 'Other'),
    });
    expect(replaced.json()).toMatchObject({ version: 2 });
    const versions = await alice({ method: 'GET', url: `/api/v1/workflows/${id}/versions` });
    expect(versions.json().items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    expect((await alice({ method: 'GET', url: `/api/v1/workflows/${id}/versions/1` })).json()).toMatchObject({
      version: 1,
    });
    const restored = await alice({ method: 'POST', url: `/api/v1/workflows/${id}/versions/1/restore` });
    expect(restored.json()).toMatchObject({
      version: 3,
      definition: { steps: [{ input: { title: 'Digest {{ input.day }}' } }] },
    });
    const missing = await alice({ method: 'GET', url: `/api/v1/workflows/${id}/versions/7` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('WORKFLOW_VERSION_NOT_FOUND');
  });

  it('answers a definition of the wrong shape with WORKFLOW_INVALID and the field written with indexes, as the service does', async () => {
    const shape = await alice({
      method: 'POST',
      url: '/api/v1/workflows',
      payload: {
        name: 'bad',
        steps: [{ id: 'go', kind: 'condition', condition: 'true', then: [{ id: 'x', kind: 'tool' }] }],
      },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error).toMatchObject({
      code: 'WORKFLOW_INVALID',
      field: 'steps[0].then[0].tool',
      message: expect.stringContaining('Step "x"'),
    });
    const deeper = await alice({
      method: 'PUT',
      url: '/api/v1/workflows/daily',
      payload: { name: 'daily', steps: [{ id: 'x', kind: 'tool', tool: 'add_task', input: { title: 5 } }] },
    });
    expect(deeper.statusCode).toBe(400);
    expect(deeper.json().error).toMatchObject({ code: 'WORKFLOW_INVALID', field: 'steps[0].input.title' });
  });

  it('validates without saving: 200 { valid: true } or the 400', async () => {
    const valid = await alice({
      method: 'POST',
      url: '/api/v1/workflows/validate',
      payload: digest('not-saved'),
    });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({ valid: true });
    const invalid = await alice({
      method: 'POST',
      url: '/api/v1/workflows/validate',
      payload: { ...digest('not-saved'), triggers: [{ kind: 'schedule', cron: 'every day' }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'WORKFLOW_INVALID', field: 'triggers[0].cron' });
    expect((await alice({ method: 'GET', url: '/api/v1/workflows/not-saved' })).statusCode).toBe(404);
  });

  it('imports YAML and exports it back, and replaces by name when asked', async () => {
    const yaml = [
      'name: from-yaml',
      'description: Written by hand',
      'steps:',
      '  - id: add',
      '    kind: tool',
      '    tool: add_task',
      '    input:',
      '      title: "From YAML {{ input.day }}"',
      'triggers:',
      '  - kind: schedule',
      '    cron: "0 9 * * 1"',
      '    time_zone: Europe/Berlin',
      '',
    ].join('\n');
    const imported = await alice({
      method: 'POST',
      url: '/api/v1/workflows/import',
      payload: { document: yaml },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: true, workflow: { name: 'from-yaml', version: 1 } });
    const again = await alice({
      method: 'POST',
      url: '/api/v1/workflows/import',
      payload: { document: yaml },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('WORKFLOW_NAME_TAKEN');

    const exported = await alice({ method: 'GET', url: '/api/v1/workflows/from-yaml/export?format=yaml' });
    expect(exported.json()).toMatchObject({ name: 'from-yaml', format: 'yaml' });
    const replaced = await alice({
      method: 'POST',
      url: '/api/v1/workflows/import',
      payload: { document: exported.json().document, replace: true },
    });
    expect(replaced.json()).toMatchObject({ created: false, workflow: { version: 2 } });
    expect(replaced.json().workflow.definition).toEqual(imported.json().workflow.definition);
  });

  it('shares read-only: another user reads and copies a shared workflow, and its changes are 404', async () => {
    const { id } = (
      await alice({ method: 'POST', url: '/api/v1/workflows', payload: digest('shared-one') })
    ).json();
    expect((await bob({ method: 'GET', url: `/api/v1/workflows/${id}` })).statusCode).toBe(404);
    const shared = await alice({
      method: 'PATCH',
      url: `/api/v1/workflows/${id}`,
      payload: { visibility: 'shared' },
    });
    expect(shared.json()).toMatchObject({ visibility: 'shared', version: 1 });

    expect((await bob({ method: 'GET', url: `/api/v1/workflows/${id}` })).json()).toMatchObject({
      is_owner: false,
    });
    for (const change of [
      { method: 'PUT', url: `/api/v1/workflows/${id}`, payload: digest('shared-one', 'Mine now') },
      { method: 'PATCH', url: `/api/v1/workflows/${id}`, payload: { published: false } },
      { method: 'DELETE', url: `/api/v1/workflows/${id}` },
      { method: 'POST', url: `/api/v1/workflows/${id}/versions/1/restore` },
    ] as InjectOptions[]) {
      const refused = await bob(change);
      expect(refused.statusCode, `${change.method} ${change.url}`).toBe(404);
      expect(refused.json().error.code).toBe('WORKFLOW_NOT_FOUND');
    }
    const copy = await bob({
      method: 'POST',
      url: `/api/v1/workflows/${id}/copy`,
      payload: { name: 'my-copy' },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'my-copy', is_owner: true, visibility: 'private' });
    const listed = await bob({ method: 'GET', url: '/api/v1/workflows?mine=true' });
    expect(listed.json().items.map((item: { name: string }) => item.name)).toEqual(['my-copy']);
  });

  it('deletes a workflow (204), then it is gone', async () => {
    const { id } = (
      await alice({ method: 'POST', url: '/api/v1/workflows', payload: digest('doomed') })
    ).json();
    expect((await alice({ method: 'DELETE', url: `/api/v1/workflows/${id}` })).statusCode).toBe(204);
    expect((await alice({ method: 'GET', url: `/api/v1/workflows/${id}` })).statusCode).toBe(404);
  });

  it('lists templates, and answers an unknown template with 404', async () => {
    const templates = await alice({ method: 'GET', url: '/api/v1/workflow-templates' });
    expect(templates.statusCode).toBe(200);
    expect(Array.isArray(templates.json().items)).toBe(true);
    const unknown = await alice({ method: 'POST', url: '/api/v1/workflow-templates/nope/copy', payload: {} });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('WORKFLOW_TEMPLATE_NOT_FOUND');
  });

  it('lists workflows with their input for a model (list_workflows), and reads one (get_workflow)', async () => {
    const listed = await callToolOverRest(testApp.app, aliceCookie, 'list_workflows', { q: 'daily' });
    expect(listed.is_error).toBe(false);
    expect(listed.structured_content.items).toEqual([
      expect.objectContaining({ name: 'daily', input_schema: expect.objectContaining({ type: 'object' }) }),
    ]);
    expect(listed.content[0]?.text).toContain('daily');
    const read = await callToolOverRest(testApp.app, aliceCookie, 'get_workflow', { workflow: 'daily' });
    expect(read.structured_content.workflow).toMatchObject({ name: 'daily', version: 3 });
  });

  it('describes every workflow route in the OpenAPI document', async () => {
    const document = (await alice({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/workflows',
        '/api/v1/workflows/{id}',
        '/api/v1/workflows/validate',
        '/api/v1/workflows/import',
        '/api/v1/workflows/{id}/export',
        '/api/v1/workflow-templates',
      ]),
    );
  });
});
