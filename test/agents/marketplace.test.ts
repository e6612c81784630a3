import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** The marketplace with real users over REST: publish, search, rate, review, install, update offered. */
describe('the marketplace', () => {
  let testApp: TestApp;
  const users: Record<'alice' | 'bob' | 'carol', { actor: UserActor; send: ReturnType<typeof as> }> =
    {} as never;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const app = testApp.app;
    for (const name of ['alice', 'bob', 'carol'] as const) {
      const user = await seedUser(app, {
        email: `${name}@example.com`,
        name: `${name[0]?.toUpperCase()}${name.slice(1)}`,
      });
      users[name] = {
        actor: actingAs({ userId: user.id, role: 'user', via: 'http' }),
        send: as(app, { cookie: await signIn(app, `${name}@example.com`) }),
      };
    }
  }, 60_000);
  afterAll(() => testApp.close());

  const newAgent = (owner: UserActor, name: string, instructions = 'Summarize what you are given.') =>
    testApp.app.agents.create(owner, {
      name,
      description: `${name}: summarizes long reports into three bullet points`,
      instructions,
      capabilities: [{ name: 'summarize', description: 'Turns a long text into three bullet points' }],
    });

  /** Changes some fields of an agent (the whole definition saved again: a new version). */
  const change = async (owner: UserActor, idOrName: string, fields: Record<string, unknown>) => {
    const current = await testApp.app.agents.get(owner, idOrName);
    return testApp.app.agents.replace(owner, current.id, { ...current.definition, ...fields });
  };

  it('publishes, is found by every user, rated and reviewed, installed, and offers the author’s update', async () => {
    const { alice, bob, carol } = users;
    const original = await newAgent(alice.actor, 'report-digest');
    const published = await alice.send({
      method: 'POST',
      url: '/api/v1/marketplace',
      payload: { source_id: original.id },
    });
    expect(published.statusCode, published.body).toBe(200);
    const listing = published.json();
    expect(listing).toMatchObject({
      kind: 'agent',
      name: 'report-digest',
      author: { name: 'Alice' },
      capabilities: [{ name: 'summarize' }],
      install_count: 0,
      rating: { average: null, count: 0 },
      is_author: true,
    });
    expect(listing.document).not.toHaveProperty('visibility');
    // Publishing made the agent published (a new version), which the listing offers.
    const afterPublish = await testApp.app.agents.get(alice.actor, original.id);
    expect(afterPublish.visibility).toBe('published');
    expect(listing.version).toBe(afterPublish.version);

    const found = await bob.send({ method: 'GET', url: '/api/v1/marketplace?q=bullet&limit=5' });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items).toMatchObject([
      { id: listing.id, is_author: false, author: { name: 'Alice' } },
    ]);
    expect(found.json().items[0]).not.toHaveProperty('document');
    expect(
      (await bob.send({ method: 'GET', url: '/api/v1/marketplace?q=nothing-like-this' })).json().items,
    ).toEqual([]);

    // One review per user, editable; the author does not review their own.
    const review = (who: typeof bob, payload: object) =>
      who.send({ method: 'PUT', url: `/api/v1/marketplace/${listing.id}/reviews/mine`, payload });
    expect((await review(bob, { rating: 2, text: 'Too short' })).statusCode).toBe(200);
    const edited = await review(bob, { rating: 5, text: 'Exactly three bullets, every time' });
    expect(edited.json()).toMatchObject({ rating: 5, is_mine: true, author: { name: 'Bob' } });
    expect((await review(carol, { rating: 4 })).statusCode).toBe(200);
    const own = await review(alice, { rating: 5 });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('REVIEW_OWN_LISTING');
    expect((await review(bob, { rating: 6 })).statusCode).toBe(400);
    const reviews = (
      await carol.send({ method: 'GET', url: `/api/v1/marketplace/${listing.id}/reviews` })
    ).json();
    expect(reviews.items).toHaveLength(2);
    expect(reviews.items.find((item: { is_mine: boolean }) => item.is_mine)).toMatchObject({ rating: 4 });
    const rated = (await bob.send({ method: 'GET', url: `/api/v1/marketplace/${listing.id}` })).json();
    expect(rated.rating).toEqual({ average: 4.5, count: 2 });
    expect(
      (await carol.send({ method: 'DELETE', url: `/api/v1/marketplace/${listing.id}/reviews/mine` }))
        .statusCode,
    ).toBe(204);
    expect(
      (await carol.send({ method: 'DELETE', url: `/api/v1/marketplace/${listing.id}/reviews/mine` }))
        .statusCode,
    ).toBe(404);

    // Install: a private copy of Bob's own, which he may change.
    const installed = await bob.send({
      method: 'POST',
      url: `/api/v1/marketplace/${listing.id}/install`,
      payload: {},
    });
    expect(installed.statusCode, installed.body).toBe(201);
    const install = installed.json();
    expect(install).toMatchObject({ listing_id: listing.id, kind: 'agent', update_available: false });
    const copy = await testApp.app.agents.get(bob.actor, install.target_id);
    expect(copy).toMatchObject({ name: 'report-digest', is_owner: true, visibility: 'private' });
    await change(bob.actor, copy.id, { description: 'Bob’s own digest' });
    // A second install of the same listing gets a free name.
    const again = (
      await bob.send({ method: 'POST', url: `/api/v1/marketplace/${listing.id}/install`, payload: {} })
    ).json();
    expect((await testApp.app.agents.get(bob.actor, again.target_id)).name).toBe('report-digest-2');
    expect(
      (await carol.send({ method: 'GET', url: `/api/v1/marketplace/${listing.id}` })).json().install_count,
    ).toBe(2);

    // Alice publishes a newer version: offered to Bob, not applied.
    await change(alice.actor, original.id, { instructions: 'Summarize in exactly three bullets.' });
    const republished = (
      await alice.send({
        method: 'POST',
        url: '/api/v1/marketplace',
        payload: { source_id: 'report-digest' },
      })
    ).json();
    expect(republished.id).toBe(listing.id);
    expect(republished.version).toBeGreaterThan(listing.version);
    const mine = (await bob.send({ method: 'GET', url: '/api/v1/marketplace/installs' })).json().items;
    expect(mine.find((item: { id: string }) => item.id === install.id)).toMatchObject({
      installed_version: listing.version,
      latest_version: republished.version,
      update_available: true,
    });
    expect((await testApp.app.agents.get(bob.actor, copy.id)).definition.instructions).toBe(
      'Summarize what you are given.',
    );

    const updated = await bob.send({
      method: 'POST',
      url: `/api/v1/marketplace/installs/${install.id}/update`,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ installed_version: republished.version, update_available: false });
    const afterUpdate = await testApp.app.agents.get(bob.actor, copy.id);
    expect(afterUpdate).toMatchObject({ name: 'report-digest', visibility: 'private' });
    expect(afterUpdate.definition.instructions).toBe('Summarize in exactly three bullets.');
  });

  it('hides another user’s install and refuses to publish or withdraw what is not yours (404)', async () => {
    const { alice, bob } = users;
    const privateAgent = await newAgent(alice.actor, 'alice-private');
    const publishOthers = await bob.send({
      method: 'POST',
      url: '/api/v1/marketplace',
      payload: { source_id: privateAgent.id },
    });
    expect(publishOthers.statusCode).toBe(404);
    expect(publishOthers.json().error.code).toBe('AGENT_NOT_FOUND');

    const shared = await newAgent(alice.actor, 'alice-shared');
    await change(alice.actor, shared.id, { visibility: 'shared' });
    // Readable by Bob, but only its owner publishes it.
    expect(
      (await bob.send({ method: 'POST', url: '/api/v1/marketplace', payload: { source_id: shared.id } }))
        .statusCode,
    ).toBe(404);

    const listing = (
      await alice.send({ method: 'POST', url: '/api/v1/marketplace', payload: { source_id: shared.id } })
    ).json();
    expect((await bob.send({ method: 'DELETE', url: `/api/v1/marketplace/${listing.id}` })).statusCode).toBe(
      404,
    );
    const install = (
      await bob.send({ method: 'POST', url: `/api/v1/marketplace/${listing.id}/install`, payload: {} })
    ).json();
    expect(
      (await alice.send({ method: 'GET', url: `/api/v1/marketplace/installs/${install.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await alice.send({ method: 'POST', url: `/api/v1/marketplace/installs/${install.id}/update` }))
        .statusCode,
    ).toBe(404);
    expect((await alice.send({ method: 'GET', url: '/api/v1/marketplace/installs' })).json().items).toEqual(
      [],
    );

    // Withdrawn: gone for everyone; Bob keeps his copy, with no update to offer.
    expect(
      (await alice.send({ method: 'DELETE', url: `/api/v1/marketplace/${listing.id}` })).statusCode,
    ).toBe(204);
    expect((await bob.send({ method: 'GET', url: `/api/v1/marketplace/${listing.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await bob.send({ method: 'GET', url: `/api/v1/marketplace/installs/${install.id}` })).json(),
    ).toMatchObject({
      listing_id: null,
      update_available: false,
    });
    expect((await testApp.app.agents.get(bob.actor, install.target_id)).is_owner).toBe(true);
  });

  it('lists and installs workflows too', async () => {
    const { alice, bob } = users;
    const created = await alice.send({
      method: 'POST',
      url: '/api/v1/workflows',
      payload: {
        name: 'morning-todo',
        description: 'Adds the morning todo',
        steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'Plan the day' } }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const listing = (
      await alice.send({
        method: 'POST',
        url: '/api/v1/marketplace',
        payload: { kind: 'workflow', source_id: created.json().id },
      })
    ).json();
    expect(listing).toMatchObject({ kind: 'workflow', name: 'morning-todo', version: 1 });
    const onlyWorkflows = (await bob.send({ method: 'GET', url: '/api/v1/marketplace?kind=workflow' })).json()
      .items;
    expect(onlyWorkflows.map((item: { id: string }) => item.id)).toEqual([listing.id]);
    const install = (
      await bob.send({ method: 'POST', url: `/api/v1/marketplace/${listing.id}/install`, payload: {} })
    ).json();
    const copy = await bob.send({ method: 'GET', url: `/api/v1/workflows/${install.target_id}` });
    expect(copy.json()).toMatchObject({ name: 'morning-todo', is_owner: true, visibility: 'private' });
  });

  it('lists and installs teams, refuses one with a private member, and offers the author’s update', async () => {
    const { alice, bob } = users;
    const { teams } = testApp.app.agentCoop;
    const helper = await newAgent(alice.actor, 'team-helper');
    const team = await teams.create(alice.actor, {
      name: 'report-crew',
      description: 'Summarizes reports together',
      pattern: 'vote',
      members: [{ agent: 'summarizer' }, { agent: helper.id }],
    });
    const publish = () =>
      alice.send({
        method: 'POST',
        url: '/api/v1/marketplace',
        payload: { kind: 'team', source_id: team.id },
      });
    // Bob could not run alice's private agent: the team waits until it is shared.
    const refused = await publish();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'TEAM_INVALID', field: 'members.1.agent' });
    await change(alice.actor, helper.id, { visibility: 'shared' });
    const published = await publish();
    expect(published.statusCode, published.body).toBe(200);
    const listing = published.json();
    expect(listing).toMatchObject({ kind: 'team', name: 'report-crew', version: 1 });
    // Another user's team is not found.
    const stolen = await bob.send({
      method: 'POST',
      url: '/api/v1/marketplace',
      payload: { kind: 'team', source_id: team.id },
    });
    expect(stolen.statusCode).toBe(404);

    const install = (
      await bob.send({ method: 'POST', url: `/api/v1/marketplace/${listing.id}/install`, payload: {} })
    ).json();
    expect(install).toMatchObject({ kind: 'team', update_available: false });
    const copy = await teams.get(bob.actor, install.target_id);
    expect(copy).toMatchObject({ name: 'report-crew', pattern: 'vote', version: 1 });
    expect(copy.members.map((member) => member.agent)).toEqual(['agt_builtin_summarizer', helper.id]);

    await teams.update(alice.actor, team.id, { options: { strategy: 'longest' } });
    expect((await publish()).json()).toMatchObject({ id: listing.id, version: 2 });
    const offered = (
      await bob.send({ method: 'GET', url: `/api/v1/marketplace/installs/${install.id}` })
    ).json();
    expect(offered.update_available).toBe(true);
    const updated = await bob.send({
      method: 'POST',
      url: `/api/v1/marketplace/installs/${install.id}/update`,
      payload: {},
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await teams.get(bob.actor, install.target_id)).options.strategy).toBe('longest');
  });
});
