/**
 * Agents: a message's round trip between two agents through their mailboxes (A sends to B; B
 * receives, acknowledges and answers to A with the correlation id; A receives and acknowledges),
 * p50 and p99, and round trips per second with 20 pairs at once. Real Postgres and DBOS (each
 * message watched by its DBOS workflow), on a scratch database of the local Postgres server.
 */
import { actingAs, systemActor } from '../src/actor.js';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';

export const title = 'Agents: message round trip between two agents, and round trips/s with 20 pairs';
export const subtitle = `(each measurement up to BENCH_SECONDS, Node ${process.version})`;

const pairs = 20;

export async function run({ seconds }: { seconds: number }) {
  const scratch = await createScratchPostgres();
  const parsed = parseConfig({ databaseUrl: scratch.url, host: '127.0.0.1', port: '0', logLevel: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
    engine: true,
  });
  try {
    const { agents, agentCoop } = app;
    const account = await app.identity.users.create(systemActor, {
      email: 'bench@example.com',
      password: 'benchmark password',
      name: 'bench',
    });
    const user = actingAs({ userId: account.id, role: account.role });
    for (let index = 0; index < pairs; index++) {
      await agents.create(user, { name: `ask-${index}`, description: 'Asks' });
      await agents.create(user, { name: `answer-${index}`, description: 'Answers' });
    }
    const { mailbox } = agentCoop;
    async function roundTrip(pair: number) {
      const question = await mailbox.send(
        user,
        { agent: `answer-${pair}` },
        {
          payload: { question: 'ping' },
          correlation_id: `c-${pair}`,
          reply_to: `ask-${pair}`,
        },
      );
      const [received] = (
        await mailbox.receive(user, { agent: `answer-${pair}` }, { limit: 1, timeout_ms: 10_000 })
      ).items;
      if (!received) throw new Error('no question');
      await mailbox.ack(user, received.id);
      await mailbox.send(
        user,
        { agent: `ask-${pair}` },
        { payload: { answer: 'pong' }, correlation_id: question.correlation_id ?? '' },
      );
      const [answer] = (
        await mailbox.receive(user, { agent: `ask-${pair}` }, { limit: 1, timeout_ms: 10_000 })
      ).items;
      if (!answer) throw new Error('no answer');
      await mailbox.ack(user, answer.id);
    }
    for (let index = 0; index < 5; index++) await roundTrip(0);
    const durations: number[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until && durations.length < 300) {
      const started = performance.now();
      await roundTrip(0);
      durations.push(performance.now() - started);
    }
    durations.sort((one, other) => one - other);
    const at = (share: number) =>
      durations[Math.min(durations.length - 1, Math.floor(share * durations.length))] ?? 0;
    let finished = 0;
    const started = performance.now();
    const stop = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: pairs }, async (_, pair) => {
        while (performance.now() < stop) {
          await roundTrip(pair);
          finished++;
        }
      }),
    );
    const perSecond = finished / ((performance.now() - started) / 1000);
    return [
      {
        measure: 'round trip (2 messages), one pair',
        runs: durations.length,
        'p50 ms': at(0.5).toFixed(1),
        'p99 ms': at(0.99).toFixed(1),
        'round trips/s': (1000 / at(0.5)).toFixed(1),
      },
      {
        measure: `${pairs} pairs at once`,
        runs: finished,
        'p50 ms': '',
        'p99 ms': '',
        'round trips/s': perSecond.toFixed(1),
      },
    ];
  } finally {
    await app.close();
    await scratch.drop();
  }
}
