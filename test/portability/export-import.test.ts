import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { newId } from '../../src/ids.js';
import { createTextWriter } from '../../src/models/text-writer.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

interface Account {
  actor: UserActor;
  send: ReturnType<typeof as>;
}

async function account(app: App, name: string): Promise<Account> {
  const user = await seedUser(app, { email: `${name}@example.com` });
  return {
    actor: actingAs({ userId: user.id, role: 'user', via: 'http' }),
    send: as(app, { cookie: await signIn(app, `${name}@example.com`) }),
  };
}

const researcher = {
  name: 'researcher',
  description: 'Finds things out',
  instructions: 'Answer with three bullet points.',
  tools: ['add_task'],
};
const digest = {
  name: 'digest',
  description: 'A daily digest',
  steps: [
    { id: 'ask', kind: 'agent', agent: 'researcher', input: 'What happened today?' },
    { id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'Read the digest' }, needs: ['ask'] },
  ],
};

/** What a user has, without ids: what must be the same after an export and an import elsewhere. */
async function contentOf(app: App, { actor, send }: Account) {
  const memories = (await app.memories.list(actor, { status: 'all', limit: 100 })).items;
  const agents = (await app.agents.list(actor, { mine: true, limit: 100 })).items;
  const agentMemories = [];
  for (const agent of agents) {
    const page = await app.memories.list(actor, { scope: 'agent', scope_id: agent.id, status: 'all' });
    agentMemories.push(...page.items.map((memory) => `${agent.name}: ${memory.text}`));
  }
  const spaces = (await app.context.spaces.list(actor, { limit: 100 })).items;
  const context = [];
  for (const space of spaces) {
    const entries = (await app.context.entries.list(actor, space.id, { limit: 100 })).items;
    context.push({ name: space.name, entries: entries.map(({ key, value }) => ({ key, value })) });
  }
  const workflows = (await send({ method: 'GET', url: '/api/v1/workflows?mine=true' })).json().items;
  return {
    memories: memories
      .map(({ text, tags, importance, source, archived_at }) => ({
        text,
        tags,
        importance,
        source,
        archived: archived_at !== null,
      }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    agent_memories: agentMemories.sort(),
    context: context.sort((a, b) => a.name.localeCompare(b.name)),
    agents: agents.map((agent) => ({ name: agent.name, instructions: agent.definition.instructions })).sort(),
    workflows: workflows.map((workflow: { definition: unknown }) => workflow.definition),
  };
}

describe('a user’s export file, imported into a fresh instance', () => {
  let source: TestApp;
  let target: TestApp;
  let alice: Account;
  let bob: Account;
  let aliceThere: Account;
  let file: Record<string, unknown>;

  beforeAll(async () => {
    source = await buildTestApp('postgres');
    target = await buildTestApp('postgres');
    alice = await account(source.app, 'alice');
    bob = await account(source.app, 'bob');
    aliceThere = await account(target.app, 'alice');
    const app = source.app;

    const agent = await app.agents.create(alice.actor, researcher);
    await app.memories.remember(alice.actor, { text: 'My manager is Dana', tags: ['work'], importance: 5 });
    await app.memories.remember(alice.actor, { text: 'I like green tea' });
    const old = await app.memories.remember(alice.actor, { text: 'I lived in Lyon' });
    await app.memories.archive(alice.actor, old.id);
    await app.memories.remember(alice.actor, {
      text: 'Sources must be cited',
      scope: 'agent',
      scope_id: agent.id,
    });
    const space = await app.context.spaces.create(alice.actor, { name: 'Launch plan' });
    await app.context.entries.set(alice.actor, space.id, 'plan', { value: { steps: ['build', 'ship'] } });
    await app.context.entries.set(alice.actor, space.id, 'findings/market', { value: 'small but growing' });
    await app.context.entries.set(alice.actor, space.id, 'gone', { value: 1 });
    await app.context.entries.delete(alice.actor, space.id, 'gone');
    const created = await alice.send({ method: 'POST', url: '/api/v1/workflows', payload: digest });
    expect(created.statusCode, created.body).toBe(201);

    // Bob's things, some shared with everyone and one space alice is a member of: never in her file.
    await app.memories.remember(bob.actor, { text: 'Bob’s secret fact' });
    await app.agents.create(bob.actor, { ...researcher, name: 'bobs-agent', visibility: 'shared' });
    const shared = await bob.send({
      method: 'POST',
      url: '/api/v1/workflows',
      payload: { ...digest, name: 'bobs-flow', steps: [digest.steps[1]] },
    });
    await bob.send({
      method: 'PATCH',
      url: `/api/v1/workflows/${shared.json().id}`,
      payload: { visibility: 'shared' },
    });
    const bobSpace = await app.context.spaces.create(bob.actor, { name: 'Bob’s space' });
    await app.context.members.add(bob.actor, bobSpace.id, { email: 'alice@example.com', role: 'write' });
    await app.context.entries.set(bob.actor, bobSpace.id, 'secret', { value: 'bob only' });

    const exported = await alice.send({ method: 'GET', url: '/api/v1/me/export' });
    expect(exported.statusCode, exported.body).toBe(200);
    file = exported.json();
  }, 120_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('holds the user’s own memories, spaces, agents and workflows, and nothing of another user', () => {
    expect(file).toMatchObject({ format: 'switchboard.export', format_version: 1 });
    expect(file.memories).toHaveLength(4);
    expect(file.context_spaces).toEqual([
      expect.objectContaining({
        name: 'Launch plan',
        entries: [
          { key: 'findings/market', value: 'small but growing' },
          { key: 'plan', value: { steps: ['build', 'ship'] } },
        ],
      }),
    ]);
    expect(file.agents).toHaveLength(1);
    expect(file.workflows).toHaveLength(1);
    const text = JSON.stringify(file);
    for (const secret of [
      'Bob’s secret fact',
      'bobs-agent',
      'bobs-flow',
      'Bob’s space',
      'bob only',
      bob.actor.userId,
    ])
      expect(text).not.toContain(secret);
  });

  it('imports into a fresh instance with the same content under new ids', async () => {
    const imported = await aliceThere.send({ method: 'POST', url: '/api/v1/me/import', payload: file });
    expect(imported.statusCode, imported.body).toBe(200);
    const report = imported.json();
    expect(report.memories.created).toHaveLength(4);
    expect(report.context_spaces.created).toHaveLength(1);
    expect(report.agents.created).toEqual([
      expect.objectContaining({ name: 'researcher', renamed_from: null }),
    ]);
    expect(report.workflows.created).toEqual([
      expect.objectContaining({ name: 'digest', renamed_from: null }),
    ]);
    for (const section of ['memories', 'context_spaces', 'agents', 'workflows'])
      expect(report[section].skipped, section).toEqual([]);
    expect(report.agents.created[0].id).not.toBe(report.agents.created[0].exported_id);

    const before = await contentOf(source.app, alice);
    const after = await contentOf(target.app, aliceThere);
    // Alice on the source is also a member of Bob's space; only her own travel.
    before.context = before.context.filter((space) => space.name !== 'Bob’s space');
    expect(after).toEqual(before);
    expect(after.agent_memories).toEqual(['researcher: Sources must be cited']);
  });

  it('never overwrites on a second import: copies with a suffix, memories already kept skipped', async () => {
    const again = await aliceThere.send({ method: 'POST', url: '/api/v1/me/import', payload: file });
    expect(again.statusCode, again.body).toBe(200);
    const report = again.json();
    expect(report.agents.created).toEqual([
      expect.objectContaining({ name: 'researcher-2', renamed_from: 'researcher' }),
    ]);
    expect(report.workflows.created).toEqual([
      expect.objectContaining({ name: 'digest-2', renamed_from: 'digest' }),
    ]);
    expect(report.context_spaces.created).toEqual([
      expect.objectContaining({ name: 'Launch plan (2)', renamed_from: 'Launch plan' }),
    ]);
    expect(report.memories.created).toEqual([
      expect.objectContaining({ name: 'Sources must be cited' }), // the new agent's memory
    ]);
    expect(report.memories.skipped.map((item: { code: string }) => item.code)).toEqual([
      'ALREADY_THERE',
      'ALREADY_THERE',
      'ALREADY_THERE',
    ]);
    // The copy's step names the copied agent; the first import's workflow is as it was.
    const copy = await aliceThere.send({ method: 'GET', url: '/api/v1/workflows/digest-2' });
    expect(copy.json().definition.steps[0].agent).toBe('researcher-2');
    const first = await aliceThere.send({ method: 'GET', url: '/api/v1/workflows/digest' });
    expect(first.json().version).toBe(1);
    expect(first.json().definition.steps[0].agent).toBe('researcher');
  });

  it('makes only the importer’s own items, even from a file naming another user’s ids', async () => {
    const before = await contentOf(source.app, alice);
    const imported = await bob.send({ method: 'POST', url: '/api/v1/me/import', payload: file });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(await contentOf(source.app, alice)).toEqual(before);
    const bobs = await contentOf(source.app, bob);
    expect(bobs.memories.map((memory) => memory.text)).toContain('My manager is Dana');
    expect(bobs.agent_memories).toEqual(['researcher: Sources must be cited']);
    expect(JSON.stringify(imported.json())).not.toContain(alice.actor.userId);
  });

  it('keeps a fact given twice in one file once', async () => {
    const fresh = await account(target.app, 'frank');
    const fact = {
      scope: 'user',
      scope_id: 'x',
      text: 'The office is on floor 3',
      created_at: new Date().toISOString(),
    };
    const twice = {
      format: 'switchboard.export',
      format_version: 1,
      exported_at: new Date().toISOString(),
      memories: [
        { ...fact, id: 'first' },
        { ...fact, id: 'second', text: 'the office is on floor 3.' },
      ],
    };
    const imported = await fresh.send({ method: 'POST', url: '/api/v1/me/import', payload: twice });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().memories.created.map((item: { exported_id: string }) => item.exported_id)).toEqual(
      ['first'],
    );
    expect(imported.json().memories.skipped).toEqual([
      expect.objectContaining({ exported_id: 'second', code: 'ALREADY_THERE' }),
    ]);
  });

  it('refuses a malformed file with 400 naming the field, and writes nothing', async () => {
    const fresh = await account(target.app, 'carol');
    const broken = structuredClone(file) as { context_spaces: { entries: { key: string }[] }[] };
    const firstSpace = broken.context_spaces[0];
    if (firstSpace?.entries[0]) firstSpace.entries[0].key = '../escape';
    const refused = await fresh.send({ method: 'POST', url: '/api/v1/me/import', payload: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'context_spaces.0.entries.0.key',
    });
    const wrongFormat = await fresh.send({
      method: 'POST',
      url: '/api/v1/me/import',
      payload: { ...file, format: 'switchboard.agent' },
    });
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json().error.field).toBe('format');
    const exported = (await fresh.send({ method: 'GET', url: '/api/v1/me/export' })).json();
    expect(exported).toMatchObject({ memories: [], context_spaces: [], agents: [], workflows: [] });
  });

  /** The target's portability service, with the memory service given (one made to fail). */
  async function portabilityWith(memories: App['memories']) {
    const { createPortabilityService } = await import('../../src/modules/portability/index.js');
    const app = target.app;
    return createPortabilityService({
      memories,
      context: app.context,
      agents: app.agents,
      agentFiles: app.agentsMarket.files,
      workflows: app.workflows.definitions,
      clock: app.clock,
    });
  }

  it('takes back what it made when an item fails half-way for a reason not its own', async () => {
    const fresh = await account(target.app, 'dave');
    const failing = await portabilityWith({
      ...target.app.memories,
      importMemories: async () => {
        throw new Error('the database went away');
      },
    });
    await expect(failing.importFile(fresh.actor, file as never)).rejects.toThrow('the database went away');
    const exported = (await fresh.send({ method: 'GET', url: '/api/v1/me/export' })).json();
    expect(exported).toMatchObject({ memories: [], context_spaces: [], agents: [], workflows: [] });
  });

  it('leaves no memory behind when announcing the imported memories fails after they were stored', async () => {
    const fresh = await account(target.app, 'ivan');
    const { createMemoryService } = await import('../../src/modules/memory/index.js');
    const app = target.app;
    const published: string[] = [];
    // The real bus, except that storing `memory.imported` fails (the event store went away).
    const bus: typeof app.bus = {
      ...app.bus,
      publish: async (actor, type, data) => {
        if (type === 'memory.imported') throw new Error('the event store went away');
        published.push(type);
        return app.bus.publish(actor, type, data);
      },
    };
    const memories = createMemoryService({
      db: app.database.db,
      clock: app.clock,
      ids: newId,
      bus,
      logger: app.logger,
      conversations: app.conversations,
      writer: createTextWriter(app.models),
      embedder: undefined,
      vectorSearch: app.memories.vectorSearch,
    });
    const failing = await portabilityWith(memories);
    await expect(failing.importFile(fresh.actor, file as never)).rejects.toThrow('the event store went away');
    const exported = (await fresh.send({ method: 'GET', url: '/api/v1/me/export' })).json();
    expect(exported).toMatchObject({ memories: [], context_spaces: [], agents: [], workflows: [] });
    // Nobody was told of the memories, so no memory.deleted either.
    expect(published.filter((type) => type.startsWith('memory.'))).toEqual([]);
  });

  it('takes imported memories back in one go (the undo): only the actor’s, each deletion announced', async () => {
    const grace = await account(target.app, 'grace');
    const henry = await account(target.app, 'henry');
    const app = target.app;
    const results = await app.memories.importMemories(grace.actor, [...(file.memories as never[])]);
    const made = results.flatMap((result) => (result.created ? [result.memory.id] : []));
    expect(made.length).toBeGreaterThan(1);
    const henrys = await app.memories.remember(henry.actor, { text: 'Henry keeps this one' });
    const deleted: string[] = [];
    const unsubscribe = app.bus.subscribe('memory.deleted', (event) => {
      deleted.push((event.data as { memory_id: string }).memory_id);
    });
    try {
      const forgotten = await app.memories.forgetMany(grace.actor, [...made, henrys.id]);
      expect(forgotten.sort()).toEqual([...made].sort());
    } finally {
      unsubscribe();
    }
    expect(deleted.sort()).toEqual([...made].sort());
    const left = await app.memories.list(grace.actor, { status: 'all', limit: 100 });
    expect(left.items).toEqual([]);
    expect((await app.memories.get(henry.actor, henrys.id)).text).toBe('Henry keeps this one');
  });

  it('answers 413 for a file larger than the upload limit', async () => {
    const limited = await buildTestApp('postgres', { settings: { uploadLimit: '2048' } });
    try {
      const someone = await account(limited.app, 'erin');
      const big = {
        ...file,
        memories: [],
        context_spaces: [{ id: 'x', name: 'Big', entries: [{ key: 'k', value: 'x'.repeat(4096) }] }],
      };
      const refused = await someone.send({ method: 'POST', url: '/api/v1/me/import', payload: big });
      expect(refused.statusCode).toBe(413);
      expect(refused.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await limited.close();
    }
  });
});
