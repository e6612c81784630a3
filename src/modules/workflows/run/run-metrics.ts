import { Counter, Histogram } from 'prom-client';
import type { Metrics } from '../../../metrics.js';

/** The workflow figures on /metrics: runs ended by status, and step durations by kind and status. */
export function createRunMetrics(metrics: Metrics) {
  return {
    runs: new Counter({
      name: 'switchboard_workflow_runs_total',
      help: 'Workflow runs that ended here, by status (succeeded, failed, cancelled)',
      labelNames: ['status'] as const,
      registers: [metrics.registry],
    }),
    steps: new Histogram({
      name: 'switchboard_workflow_step_seconds',
      help: 'How long workflow steps took, by kind and status (succeeded, failed, skipped)',
      labelNames: ['kind', 'status'] as const,
      buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 30, 120, 600, 3600],
      registers: [metrics.registry],
    }),
  };
}

export type RunMetrics = ReturnType<typeof createRunMetrics>;
