import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/actor.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { restActor } from '../helpers/workflows.js';
import { seedApproval } from './seed-rows.js';

/** The inbox without the engine (as in one-shot commands): readable, paged, but not answerable. */
describe('the approvals inbox', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    alice = restActor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = restActor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  });
  afterAll(() => testApp?.close());

  it('lists the owner’s pending approvals newest first, a page at a time', async () => {
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await seedApproval(testApp.app, alice.userId, `Question ${n}`));
    await seedApproval(testApp.app, bob.userId, 'Bob’s question');
    const { approvals } = testApp.app.workflows;

    const first = await approvals.list(alice, { limit: 2 });
    expect(first.items.map((item) => item.message)).toEqual(['Question 3', 'Question 2']);
    const second = await approvals.list(alice, { limit: 2, cursor: first.next_cursor ?? '' });
    expect(second.items.map((item) => item.message)).toEqual(['Question 1']);
    expect(second.next_cursor).toBeNull();
    expect(second.items[0]).toMatchObject({
      id: ids[0],
      status: 'pending',
      workflow_name: 'harness',
      fields: null,
    });
    expect((await approvals.list(alice, { status: 'approved' })).items).toEqual([]);
    await expect(approvals.list(alice, { cursor: 'not a cursor' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
  });

  it('hides another user’s approval, and records an answer without the engine (the run reads its row)', async () => {
    const id = await seedApproval(testApp.app, alice.userId);
    const { approvals } = testApp.app.workflows;
    await expect(approvals.get(bob, id)).rejects.toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
    await expect(approvals.answer(bob, id, { approved: true })).rejects.toMatchObject({
      code: 'APPROVAL_NOT_FOUND',
    });
    expect(await approvals.answer(alice, id, { approved: true, comment: 'fine' })).toMatchObject({
      status: 'approved',
      comment: 'fine',
    });
    expect(await approvals.get(alice, id)).toMatchObject({
      status: 'approved',
      answered_at: expect.any(String),
    });
    await expect(approvals.answer(alice, id, { approved: false })).rejects.toMatchObject({
      code: 'APPROVAL_ALREADY_ANSWERED',
    });
  });
});
