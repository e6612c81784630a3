import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

/** A counter's value in Prometheus's text format. */
function valueOf(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

describe('the process metrics', () => {
  it('count CPU seconds from the process start, not from the first scrape', async () => {
    // This worker has spent CPU importing and starting before anything is scraped.
    const usedBefore = process.cpuUsage();
    const text = await createMetrics().scrape();
    expect(valueOf(text, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(usedBefore.user / 1e6);
    expect(valueOf(text, 'process_cpu_system_seconds_total')).toBeGreaterThanOrEqual(usedBefore.system / 1e6);
    expect(valueOf(text, 'process_cpu_seconds_total')).toBeGreaterThanOrEqual(
      (usedBefore.user + usedBefore.system) / 1e6,
    );
    expect(usedBefore.user).toBeGreaterThan(0);
  });
});
