import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { databaseKinds } from '../../../test/helpers/test-database.js';
import { actingAs, type UserActor } from '../../actor.js';
import { ForbiddenError, InvalidInputError } from '../../errors.js';
import { PromptNameTakenError, PromptNotFoundError } from './errors.js';
import type { PromptService } from './service.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

const summary = {
  name: 'summarize',
  template: 'Summarize this in {{length}} words for {{audience}}:\n{{text}}',
  arguments: [
    { name: 'text', required: true },
    { name: 'length', default: '50' },
    { name: 'audience', enum: ['engineers', 'managers'], default: 'engineers' },
  ],
};

describe.each(databaseKinds)('the prompt library on %s', (kind) => {
  let testApp: TestApp;
  let prompts: PromptService;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    prompts = testApp.app.prompts;
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  });
  afterAll(() => testApp.close());

  it('saves a prompt and renders it with given values and defaults, without HTML escaping', async () => {
    const prompt = await prompts.create(alice, summary);
    expect(prompt).toMatchObject({ name: 'summarize', version: 1, visibility: 'private', mine: true });
    const { text } = await prompts.render(alice, prompt.id, { text: 'A < B & "C"' });
    expect(text).toBe('Summarize this in 50 words for engineers:\nA < B & "C"');
    expect((await prompts.get(alice, prompt.id)).use_count).toBe(1);
  });

  it('refuses a template that uses an undeclared argument, naming it', async () => {
    const error = await prompts
      .create(alice, {
        name: 'broken',
        template: 'Hello {{name}} from {{place}}',
        arguments: [{ name: 'name' }],
      })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('template');
    expect(error.message).toContain('"place"');
  });

  it('refuses rendering without a required argument, with an unknown one, or outside an enum, naming it', async () => {
    const prompt = await prompts.create(alice, { ...summary, name: 'summarize-strict' });
    await expect(prompts.render(alice, prompt.id, {})).rejects.toMatchObject({ field: 'arguments.text' });
    await expect(prompts.render(alice, prompt.id, { text: 'x', tone: 'dry' })).rejects.toMatchObject({
      field: 'arguments.tone',
    });
    await expect(prompts.render(alice, prompt.id, { text: 'x', audience: 'pets' })).rejects.toMatchObject({
      field: 'arguments.audience',
    });
  });

  it('keeps every version, compares two, and restores an old one as a new version', async () => {
    const prompt = await prompts.create(alice, {
      name: 'greet',
      template: 'Hello {{who}}',
      arguments: [{ name: 'who', required: true }],
    });
    await prompts.update(alice, prompt.id, { template: 'Good morning {{who}}' });
    const versions = await prompts.versions(alice, prompt.id);
    expect(versions.map((version) => [version.version, version.template])).toEqual([
      [2, 'Good morning {{who}}'],
      [1, 'Hello {{who}}'],
    ]);
    const diff = await prompts.diff(alice, prompt.id, 1, 2);
    expect(diff).toContain('-Hello {{who}}');
    expect(diff).toContain('+Good morning {{who}}');
    const restored = await prompts.rollback(alice, prompt.id, 1);
    expect(restored).toMatchObject({ version: 3, template: 'Hello {{who}}' });
  });

  it('refuses a second prompt with the same name for the same owner, but not for another', async () => {
    await prompts.create(alice, { name: 'dupe', template: 'x' });
    await expect(prompts.create(alice, { name: 'dupe', template: 'y' })).rejects.toBeInstanceOf(
      PromptNameTakenError,
    );
    await expect(prompts.create(bob, { name: 'dupe', template: 'z' })).resolves.toMatchObject({
      name: 'dupe',
    });
  });

  it('shows shared prompts to everyone, private ones to nobody else, and lets only the owner change them', async () => {
    const shared = await prompts.create(alice, {
      name: 'team-standup',
      template: 'Standup notes',
      visibility: 'shared',
    });
    const secret = await prompts.create(alice, { name: 'secret', template: 'Mine only' });
    expect((await prompts.get(bob, shared.id)).mine).toBe(false);
    await expect(prompts.render(bob, shared.id, {})).resolves.toMatchObject({ text: 'Standup notes' });
    await expect(prompts.get(bob, secret.id)).rejects.toBeInstanceOf(PromptNotFoundError);
    await expect(prompts.update(bob, secret.id, { template: 'stolen' })).rejects.toBeInstanceOf(
      PromptNotFoundError,
    );
    await expect(prompts.update(bob, shared.id, { template: 'hijacked' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(prompts.delete(bob, shared.id)).rejects.toBeInstanceOf(ForbiddenError);
    const bobsList = await prompts.list(bob, { limit: 100 });
    expect(bobsList.items.map((prompt) => prompt.name)).toContain('team-standup');
    expect(bobsList.items.map((prompt) => prompt.name)).not.toContain('secret');
  });

  it('searches names, titles, descriptions and templates, and suggests argument values', async () => {
    await prompts.create(alice, {
      name: 'translate',
      title: 'Translate text',
      template: 'Translate into {{language}}: {{text}}',
      arguments: [{ name: 'language', enum: ['French', 'German'] }, { name: 'text' }],
    });
    expect((await prompts.list(alice, { q: 'translat' })).items.map((prompt) => prompt.name)).toEqual([
      'translate',
    ]);
    const prompt = await prompts.findByName(alice, 'translate');
    await prompts.render(alice, prompt?.id ?? '', { language: 'French', text: 'hi' });
    expect(await prompts.suggest(alice, 'translate', 'language', 'fr')).toEqual(['French']);
    expect(await prompts.suggest(alice, 'translate', 'text', '')).toEqual(['hi']);
  });
});

describe.each(databaseKinds)('concurrent prompt edits on %s', (kind) => {
  it('number the versions one after another, and keep everyone’s recent values apart', async () => {
    const testApp = await buildTestApp(kind);
    try {
      const alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
      const bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
      const prompt = await testApp.app.prompts.create(alice, {
        name: 'busy',
        template: 'v1 {{x}}',
        arguments: [{ name: 'x' }],
        visibility: 'shared',
      });
      const results = await Promise.allSettled(
        [2, 3, 4, 5].map((n) => testApp.app.prompts.update(alice, prompt.id, { template: `v${n} {{x}}` })),
      );
      expect(results.map((result) => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const versions = await testApp.app.prompts.versions(alice, prompt.id);
      expect(versions.map((version) => version.version)).toEqual([5, 4, 3, 2, 1]);

      await testApp.app.prompts.render(bob, prompt.id, { x: 'bob private value' });
      expect(await testApp.app.prompts.suggest(alice, 'busy', 'x', '')).toEqual([]);
      expect(await testApp.app.prompts.suggest(bob, 'busy', 'x', '')).toEqual(['bob private value']);
    } finally {
      await testApp.close();
    }
  });
});
