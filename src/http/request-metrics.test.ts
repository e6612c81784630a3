import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createRequestMetrics } from './request-metrics.js';

const bounds = [0.001, 0.005, 0.01, 0.1, 1, 10];

/** The exposition's lines, sorted: Prometheus reads series in any order. */
async function linesOf(registry: Registry) {
  return (await registry.metrics()).split('\n').sort();
}

describe('the HTTP request metrics', () => {
  it('read as prom-client’s Counter and Histogram read for the same answers', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const metrics = createRequestMetrics({ registry: ours, bounds });
    const counter = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [theirs],
    });
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: bounds,
      registers: [theirs],
    });
    const answers: [string, string, number, number][] = [
      ['GET', '/readyz', 200, 0.0004],
      ['GET', '/readyz', 200, 0.001], // on a bound: counted in it
      ['POST', '(unmatched)', 404, 0.02],
      ['GET', '/readyz', 503, 0.3],
      ['GET', '/api/v1/tasks/:id', 200, 12], // above every bound
      ['DELETE', '/api/v1/tasks/:id', 204, 0.007],
      ['GET', '/a "quoted" \\ route', 200, 0.05],
    ];
    for (const [method, route, status, seconds] of answers) {
      metrics.record(method, route, status, seconds);
      counter.inc({ method, route, status: String(status) });
      histogram.observe({ method, route }, seconds);
    }
    const lines = await linesOf(ours);
    expect(lines).toEqual(await linesOf(theirs));
    expect(lines).toContain('http_requests_total{method="GET",route="/readyz",status="200"} 2');
    expect(lines).toContain(
      'http_request_duration_seconds_bucket{le="0.001",method="GET",route="/readyz"} 2',
    );
    expect(lines).toContain(
      'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/tasks/:id"} 1',
    );
  });

  it('start again from nothing when the registry is reset', async () => {
    const registry = new Registry();
    const metrics = createRequestMetrics({ registry, bounds });
    metrics.record('GET', '/readyz', 200, 0.002);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('route=');
  });
});
