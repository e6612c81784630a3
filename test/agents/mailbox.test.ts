import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages between agents on the real engine, with a short ack timeout so redelivery is quick. */
describe('the agents mailbox', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;
  let bobKey: string;
  let agentId: string;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: { agentMessageAckTimeoutMs: '300', agentMessageMaxAttempts: '2' },
    });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
    bobKey = (await createApiKey(testApp.app, await signIn(testApp.app, 'bob@example.com'))).key;
    const agent = await testApp.app.agents.create(alice, {
      name: 'inbox',
      description: 'Takes notes handed to it',
      capabilities: [
        {
          name: 'note',
          description: 'Keeps a note',
          input_schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
        },
      ],
    });
    agentId = agent.id;
  }, 180_000);
  afterAll(() => testApp?.close());

  it('delivers a message once, and an acknowledged one is not delivered again', async () => {
    const { mailbox } = testApp.app.agentCoop;
    const sent = await mailbox.send(
      alice,
      { agent: 'inbox' },
      { payload: { text: 'hello' }, capability: 'note', correlation_id: 'c-1', reply_to: 'inbox' },
    );
    expect(sent).toMatchObject({
      status: 'pending',
      attempts: 0,
      correlation_id: 'c-1',
      to_agent_id: agentId,
    });
    const { items } = await mailbox.receive(alice, { agent: 'inbox' }, { timeout_ms: 2_000 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: sent.id,
      status: 'delivered',
      attempts: 1,
      payload: { text: 'hello' },
    });
    expect(await mailbox.ack(alice, sent.id)).toMatchObject({ status: 'acked' });
    await sleep(1_000);
    expect((await mailbox.receive(alice, { agent: 'inbox' })).items).toEqual([]);
    expect(await mailbox.get(alice, sent.id)).toMatchObject({ status: 'acked', attempts: 1 });
  });

  it('refuses a payload that does not fit the capability’s input_schema', async () => {
    await expect(
      testApp.app.agentCoop.mailbox.send(
        alice,
        { agent: 'inbox' },
        { payload: { words: 1 }, capability: 'note' },
      ),
    ).rejects.toMatchObject({ code: 'AGENT_MESSAGE_PAYLOAD_INVALID' });
  });

  it('redelivers an unacknowledged message, dead-letters it after the attempts, and replays it', async () => {
    const { mailbox } = testApp.app.agentCoop;
    const sent = await mailbox.send(alice, { agent: 'inbox' }, { payload: { text: 'retry me' } });
    const first = await mailbox.receive(alice, { agent: 'inbox' }, { timeout_ms: 2_000 });
    expect(first.items.map((item) => [item.id, item.attempts])).toEqual([[sent.id, 1]]);
    // Not acknowledged: back after the lease (300 ms) and the backoff.
    const second = await mailbox.receive(alice, { agent: 'inbox' }, { timeout_ms: 10_000 });
    expect(second.items.map((item) => [item.id, item.attempts])).toEqual([[sent.id, 2]]);
    let dead = await mailbox.deadLetters(alice);
    for (let tries = 0; tries < 50 && dead.items.length === 0; tries++) {
      await sleep(200);
      dead = await mailbox.deadLetters(alice);
    }
    expect(dead.items.map((item) => [item.id, item.status, item.attempts])).toEqual([[sent.id, 'dead', 2]]);
    expect((await mailbox.deadLetters(bob)).items).toEqual([]);

    const replayed = await mailbox.replay(alice, sent.id);
    expect(replayed).toMatchObject({ status: 'pending', attempts: 0, replays: 1 });
    const again = await mailbox.receive(alice, { agent: 'inbox' }, { timeout_ms: 2_000 });
    expect(again.items.map((item) => item.id)).toEqual([sent.id]);
    expect(await mailbox.ack(alice, sent.id)).toMatchObject({ status: 'acked' });
    expect((await mailbox.deadLetters(alice)).items).toEqual([]);
  }, 60_000);

  it('keeps a run’s mailbox apart from its agent’s', async () => {
    const { mailbox } = testApp.app.agentCoop;
    const run = await testApp.app.agentRuns.start(alice, 'inbox', { input: 'hello' });
    const sent = await mailbox.send(alice, { run_id: run.id }, { payload: 'for the run' });
    expect((await mailbox.receive(alice, { agent: 'inbox' })).items).toEqual([]);
    const taken = await mailbox.receive(alice, { run_id: run.id });
    expect(taken.items.map((item) => item.id)).toEqual([sent.id]);
    await mailbox.ack(alice, sent.id);
    expect((await mailbox.list(alice, { run_id: run.id })).items.map((item) => item.status)).toEqual([
      'acked',
    ]);
  });

  it('answers 404 to another user for the agent’s mailbox, its messages and its dead letters', async () => {
    const { mailbox } = testApp.app.agentCoop;
    const sent = await mailbox.send(alice, { agent: 'inbox' }, { payload: { text: 'private' } });
    const asBob = (method: 'GET' | 'POST', url: string, payload?: object) =>
      testApp.app.http.inject({
        method,
        url,
        headers: { authorization: `Bearer ${bobKey}` },
        ...(payload ? { payload } : {}),
      });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/agents/${agentId}/messages`],
      ['POST', `/api/v1/agents/${agentId}/messages`, { payload: 1 }],
      ['POST', `/api/v1/agents/${agentId}/messages/receive`, {}],
      ['GET', `/api/v1/agents/${agentId}/messages/${sent.id}`],
      ['POST', `/api/v1/agents/${agentId}/messages/${sent.id}/ack`],
      ['POST', `/api/v1/agents/dead-letters/${sent.id}/replay`],
      ['GET', `/api/v1/agent-runs/arun_nothing/messages`],
    ] as const) {
      const response = await asBob(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    await expect(mailbox.ack(bob, sent.id)).rejects.toMatchObject({ code: 'AGENT_MESSAGE_NOT_FOUND' });
    const own = await asBob('GET', '/api/v1/agents/dead-letters');
    expect(own.statusCode).toBe(200);
  });
});
