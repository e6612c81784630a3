import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** Agents travel between instances as JSON files: export, then import (a name clash is a 409, or renamed). */
describe('agent export and import', () => {
  let testApp: TestApp;
  let alice: { actor: UserActor; send: ReturnType<typeof as> };
  let bob: { actor: UserActor; send: ReturnType<typeof as> };

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const app = testApp.app;
    const seed = async (name: string) => {
      const user = await seedUser(app, { email: `${name}@example.com` });
      return {
        actor: actingAs({ userId: user.id, role: 'user', via: 'http' }),
        send: as(app, { cookie: await signIn(app, `${name}@example.com`) }),
      };
    };
    alice = await seed('alice');
    bob = await seed('bob');
  }, 60_000);
  afterAll(() => testApp.close());

  it('exports an agent as a file that imports as a new private agent, renamed on request', async () => {
    const agent = await testApp.app.agents.create(alice.actor, {
      name: 'release-notes',
      description: 'Writes release notes from a list of changes',
      instructions: 'Group the changes by area; one line each.',
      tools: ['add_task'],
      capabilities: [{ name: 'release-notes', description: 'Release notes from changes' }],
      limits: { max_steps: 4, timeout_ms: 60_000 },
      visibility: 'shared',
    });
    const exported = await alice.send({ method: 'GET', url: `/api/v1/agents/${agent.id}/export` });
    expect(exported.statusCode, exported.body).toBe(200);
    const file = exported.json();
    expect(file).toMatchObject({
      format: 'switchboard.agent',
      format_version: 1,
      exported_version: 1,
      agent: {
        name: 'release-notes',
        instructions: 'Group the changes by area; one line each.',
        tools: ['add_task'],
      },
    });
    expect(file.agent).not.toHaveProperty('visibility');

    // Into another account (as on another instance): the same definition, private.
    const imported = await bob.send({ method: 'POST', url: '/api/v1/agents/import', payload: file });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      name: 'release-notes',
      visibility: 'private',
      is_owner: true,
      version: 1,
    });
    expect(imported.json().definition).toMatchObject({
      limits: { max_steps: 4 },
      capabilities: [{ name: 'release-notes' }],
    });

    // A name you already use: a clear 409, or a renamed copy when asked.
    const clash = await alice.send({ method: 'POST', url: '/api/v1/agents/import', payload: file });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'AGENT_NAME_TAKEN', field: 'name' });
    const renamed = await alice.send({
      method: 'POST',
      url: '/api/v1/agents/import?on_conflict=rename',
      payload: file,
    });
    expect(renamed.statusCode, renamed.body).toBe(201);
    expect(renamed.json().name).toBe('release-notes-2');
  });

  it('refuses a file that is not an agent file, and an invalid definition naming its field', async () => {
    const notAFile = await alice.send({
      method: 'POST',
      url: '/api/v1/agents/import',
      payload: { name: 'x' },
    });
    expect(notAFile.statusCode).toBe(400);
    const invalid = await alice.send({
      method: 'POST',
      url: '/api/v1/agents/import',
      payload: {
        format: 'switchboard.agent',
        format_version: 1,
        exported_at: new Date().toISOString(),
        exported_version: 1,
        agent: { name: 'Bad Name!', description: 'x' },
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'AGENT_INVALID', field: 'name' });
  });

  it('does not export another user’s private agent (404)', async () => {
    const secret = await testApp.app.agents.create(alice.actor, {
      name: 'secret-agent',
      description: 'Private',
    });
    const response = await bob.send({ method: 'GET', url: `/api/v1/agents/${secret.id}/export` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('AGENT_NOT_FOUND');
  });
});
