import { Counter, Gauge, Histogram } from 'prom-client';
import type { Metrics } from '../../../metrics.js';

/**
 * The agent figures on /metrics: runs ended by agent and status, their durations and tokens, and
 * the messages in the dead letters (of every user, read from the database at each scrape).
 */
export function createAgentRunMetrics(metrics: Metrics, countDeadLetters: () => Promise<number>) {
  new Gauge({
    name: 'switchboard_agent_dead_letters',
    help: 'Agent messages in the dead letters (undelivered after their attempts), on every instance',
    registers: [metrics.registry],
    async collect() {
      // A failed read leaves the last figure: the scrape must not fail with it.
      await countDeadLetters().then(
        (dead) => this.set(dead),
        () => {},
      );
    },
  });
  return {
    runs: new Counter({
      name: 'switchboard_agent_runs_total',
      help: 'Agent runs that ended here, by agent and status (succeeded, failed)',
      labelNames: ['agent', 'status'] as const,
      registers: [metrics.registry],
    }),
    duration: new Histogram({
      name: 'switchboard_agent_run_seconds',
      help: 'How long agent runs took, by agent and status',
      labelNames: ['agent', 'status'] as const,
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 600],
      registers: [metrics.registry],
    }),
    tokens: new Counter({
      name: 'switchboard_agent_tokens_total',
      help: 'Model tokens agent runs used, by agent and direction (in, out)',
      labelNames: ['agent', 'direction'] as const,
      registers: [metrics.registry],
    }),
  };
}
