import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { actingAs, type UserActor } from '../../../actor.js';
import type { BusEvent } from '../../../bus/events.js';
import {
  WorkflowInvalidError,
  WorkflowNameTakenError,
  WorkflowNotFoundError,
  WorkflowTemplateNotFoundError,
  WorkflowVersionNotFoundError,
} from '../errors.js';
import { workflowRuns } from '../table.js';
import { workflowTemplates } from '../templates/index.js';
import type { WorkflowDefinitions } from './definitions.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

const digest = (name: string, title = 'Digest') => ({
  name,
  description: 'Adds a digest task',
  input_schema: { type: 'object', properties: { day: { type: 'string' } } },
  steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: `${title} {{ input.day }}` } }],
});

describe('workflow definitions', () => {
  let testApp: TestApp;
  let definitions: WorkflowDefinitions;
  let alice: UserActor;
  let bob: UserActor;
  const events: BusEvent[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    definitions = testApp.app.workflows.definitions;
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
    testApp.app.bus.subscribe('workflow.*', (event) => {
      events.push(event);
    });
  });
  afterAll(() => testApp.close());

  it('saves a definition as version 1, private and published, with defaults filled in, and announces it', async () => {
    const workflow = await definitions.create(alice, digest('daily'));
    expect(workflow).toMatchObject({
      name: 'daily',
      version: 1,
      visibility: 'private',
      published: true,
      is_owner: true,
      last_run: null,
      next_run_at: null,
      template: null,
    });
    expect(workflow.definition.triggers).toEqual([{ kind: 'manual' }]);
    expect(events.find((event) => event.type === 'workflow.created')?.data).toEqual({
      workflow_id: workflow.id,
      owner_id: alice.userId,
      name: 'daily',
    });
    await expect(definitions.create(alice, digest('daily'))).rejects.toBeInstanceOf(WorkflowNameTakenError);
    // Names are per user.
    await expect(definitions.create(bob, digest('daily'))).resolves.toMatchObject({ name: 'daily' });
  });

  it('says when a schedule runs the workflow next, in the list and alone', async () => {
    const scheduled = await definitions.create(alice, {
      ...digest('morning'),
      triggers: [{ kind: 'manual' }, { kind: 'schedule', cron: '0 8 * * *', time_zone: 'UTC' }],
    });
    const next = new Date(scheduled.next_run_at ?? 0);
    const now = testApp.app.clock.now();
    expect(next > now && next.getTime() - now.getTime() <= 24 * 3_600_000).toBe(true);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([8, 0]);
    const listed = await definitions.list(alice, { q: 'morning' });
    expect(listed.items.map((workflow) => workflow.next_run_at)).toEqual([scheduled.next_run_at]);
  });

  it('saves nothing when the definition is invalid', async () => {
    const bad = { ...digest('broken'), steps: [{ id: 'x', kind: 'tool', tool: 'nope', input: {} }] };
    await expect(definitions.create(alice, bad)).rejects.toBeInstanceOf(WorkflowInvalidError);
    await expect(definitions.get(alice, 'broken')).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('keeps every version, reads any of them, and restores an old one as a new version', async () => {
    const created = await definitions.create(alice, digest('versioned', 'First'));
    const second = await definitions.update(alice, created.id, digest('versioned', 'Second'));
    expect(second.version).toBe(2);
    expect(events.find((event) => event.type === 'workflow.updated')?.data).toMatchObject({ version: 2 });
    const versions = await definitions.versions(alice, created.id);
    expect(versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await definitions.version(alice, created.id, 1)).definition.steps[0]).toMatchObject({
      input: { title: 'First {{ input.day }}' },
    });
    const restored = await definitions.restore(alice, 'versioned', 1);
    expect(restored.version).toBe(3);
    expect(restored.definition.steps[0]).toMatchObject({ input: { title: 'First {{ input.day }}' } });
    await expect(definitions.version(alice, created.id, 9)).rejects.toBeInstanceOf(
      WorkflowVersionNotFoundError,
    );
    const resolved = await definitions.resolve(alice, created.id, 2);
    expect(resolved).toMatchObject({ version: 2, row: { id: created.id, version: 3 } });
    expect(resolved.definition.steps[0]).toMatchObject({ input: { title: 'Second {{ input.day }}' } });
  });

  it('renames on update unless the name is taken', async () => {
    const workflow = await definitions.create(alice, digest('to-rename'));
    await expect(definitions.update(alice, workflow.id, digest('daily'))).rejects.toBeInstanceOf(
      WorkflowNameTakenError,
    );
    await expect(definitions.update(alice, workflow.id, digest('renamed'))).resolves.toMatchObject({
      name: 'renamed',
      version: 2,
    });
  });

  it('hides a private workflow from another user everywhere, by id and by name', async () => {
    const secret = await definitions.create(alice, digest('secret'));
    for (const idOrName of [secret.id, 'secret']) {
      await expect(definitions.get(bob, idOrName)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.versions(bob, idOrName)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.version(bob, idOrName, 1)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.exportDocument(bob, idOrName, 'json')).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
      await expect(definitions.copy(bob, idOrName)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.resolve(bob, idOrName)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.update(bob, idOrName, digest('secret'))).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
      await expect(definitions.configure(bob, idOrName, { visibility: 'shared' })).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
      await expect(definitions.restore(bob, idOrName, 1)).rejects.toBeInstanceOf(WorkflowNotFoundError);
      await expect(definitions.remove(bob, idOrName)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    }
    expect((await definitions.list(bob, { q: 'secret' })).items).toEqual([]);
    await expect(definitions.get(alice, secret.id)).resolves.toMatchObject({ version: 1 });
  });

  it('lets everyone read, copy and resolve a shared workflow, and only its owner change it', async () => {
    const shared = await definitions.create(alice, digest('team-digest'));
    const configured = await definitions.configure(alice, shared.id, {
      visibility: 'shared',
      published: false,
    });
    expect(configured).toMatchObject({ visibility: 'shared', published: false, version: 1 });

    await expect(definitions.get(bob, 'team-digest')).resolves.toMatchObject({
      is_owner: false,
      id: shared.id,
    });
    expect((await definitions.list(bob, { mine: false })).items.map((item) => item.name)).toContain(
      'team-digest',
    );
    expect((await definitions.list(bob, { mine: true })).items.map((item) => item.name)).not.toContain(
      'team-digest',
    );
    await expect(definitions.versions(bob, shared.id)).resolves.toHaveLength(1);
    await expect(definitions.resolve(bob, 'team-digest')).resolves.toMatchObject({ version: 1 });

    await expect(
      definitions.update(bob, shared.id, digest('team-digest', 'Hijacked')),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(definitions.configure(bob, shared.id, { visibility: 'private' })).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    await expect(definitions.restore(bob, shared.id, 1)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(definitions.remove(bob, shared.id)).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const copy = await definitions.copy(bob, shared.id);
    expect(copy).toMatchObject({ name: 'team-digest', is_owner: true, visibility: 'private', version: 1 });
    // Bob's own copy now comes first by that name.
    await expect(definitions.get(bob, 'team-digest')).resolves.toMatchObject({ id: copy.id });
    await expect(definitions.copy(bob, shared.id)).resolves.toMatchObject({ name: 'team-digest-2' });
    await expect(definitions.copy(bob, shared.id, { name: 'team-digest' })).rejects.toBeInstanceOf(
      WorkflowNameTakenError,
    );
    await expect(definitions.get(alice, shared.id)).resolves.toMatchObject({ version: 1 });
  });

  it('shows each user their own last run of a workflow, never another user’s', async () => {
    const shared = await definitions.create(alice, digest('run-me'));
    await definitions.configure(alice, shared.id, { visibility: 'shared' });
    const run = (id: string, ownerId: string, at: string) => ({
      id,
      ownerId,
      workflowId: shared.id,
      workflowName: 'run-me',
      version: 1,
      definition: shared.definition,
      status: 'succeeded' as const,
      input: {},
      trigger: { kind: 'manual' as const, surface: 'http' },
      createdAt: new Date(at),
    });
    await testApp.app.database.db
      .insert(workflowRuns)
      .values([
        run('run-alice-1', alice.userId, '2026-01-01T00:00:00Z'),
        run('run-alice-2', alice.userId, '2026-01-02T00:00:00Z'),
        run('run-bob-1', bob.userId, '2026-01-03T00:00:00Z'),
      ]);
    expect((await definitions.get(alice, shared.id)).last_run).toEqual({
      id: 'run-alice-2',
      status: 'succeeded',
      at: '2026-01-02T00:00:00.000Z',
    });
    const listed = (await definitions.list(bob, { q: 'run-me' })).items;
    expect(listed.map((item) => item.last_run?.id)).toEqual(['run-bob-1']);
  });

  it('lists a page at a time, newest first, and searches names and descriptions', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await definitions.create(bob, digest(name));
    const first = await definitions.list(bob, { q: 'page-', limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['page-c', 'page-b']);
    const second = await definitions.list(bob, { q: 'page-', limit: 2, cursor: first.next_cursor as string });
    expect(second).toMatchObject({ items: [{ name: 'page-a' }], next_cursor: null });
  });

  it('exports YAML that imports back to the same definition, and replaces by name only when asked', async () => {
    const original = await definitions.create(alice, {
      ...digest('round-trip'),
      triggers: [
        { kind: 'schedule', cron: '0 8 * * 1-5', time_zone: 'Europe/Paris', input: { day: 'today' } },
      ],
    });
    const yaml = await definitions.exportDocument(alice, original.id, 'yaml');
    expect(yaml.document).toContain('cron: 0 8 * * 1-5');
    await expect(definitions.importDocument(alice, { document: yaml.document })).rejects.toBeInstanceOf(
      WorkflowNameTakenError,
    );
    const replaced = await definitions.importDocument(alice, { document: yaml.document, replace: true });
    expect(replaced).toMatchObject({ created: false, workflow: { id: original.id, version: 2 } });
    expect(replaced.workflow.definition).toEqual(original.definition);

    const json = await definitions.exportDocument(alice, original.id, 'json');
    const imported = await definitions.importDocument(bob, { document: json.document });
    expect(imported).toMatchObject({ created: true, workflow: { name: 'round-trip', version: 1 } });
    expect(imported.workflow.definition).toEqual(original.definition);
  });

  it('refuses a document that does not parse, naming the line, and an invalid one as any other', async () => {
    const error = await definitions
      .importDocument(alice, { document: 'name: x\nsteps: [\n  - broken', format: 'yaml' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowInvalidError);
    expect(error).toMatchObject({ field: 'document', message: expect.stringContaining('YAML') });
    await expect(
      definitions.importDocument(alice, { document: '{"name": ', format: 'json' }),
    ).rejects.toMatchObject({
      field: 'document',
    });
    await expect(
      definitions.importDocument(alice, {
        document:
          'name: yaml-bad\nsteps:\n  - id: a\n    kind: tool\n    tool: add_task\n    input: { title: 3 }\n',
      }),
    ).rejects.toMatchObject({ code: 'WORKFLOW_INVALID', field: 'steps[0].input.title' });
  });

  it('refuses text Postgres cannot store, even spelled as a YAML escape', async () => {
    await expect(
      definitions.importDocument(alice, {
        document: 'name: nul\ndescription: "a\\0b"\nsteps:\n  - { id: a, kind: sleep }\n',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'description' });
  });

  it('deletes a workflow with its versions and announces it', async () => {
    const doomed = await definitions.create(alice, digest('doomed'));
    await definitions.remove(alice, doomed.id);
    await expect(definitions.get(alice, doomed.id)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(events.find((event) => event.type === 'workflow.deleted')?.data).toEqual({
      workflow_id: doomed.id,
      owner_id: alice.userId,
    });
  });

  it('copies a template into a new workflow, and answers an unknown one as not found', async () => {
    await expect(definitions.copyTemplate(alice, 'no-such-template')).rejects.toBeInstanceOf(
      WorkflowTemplateNotFoundError,
    );
    const [template] = workflowTemplates;
    if (!template) return; // The templates part fills the list; its own tests copy every one.
    const copy = await definitions.copyTemplate(alice, template.id, 'from-template');
    expect(copy).toMatchObject({ name: 'from-template', template: template.id, version: 1 });
  });
});
