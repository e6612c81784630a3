import { Counter, Histogram } from 'prom-client';
import type { Metrics } from '../../../metrics.js';

/** The agent figures on /metrics: runs ended by agent and status, their durations and tokens. */
export function createAgentRunMetrics(metrics: Metrics) {
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
