import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { ConnectionStats } from './db/database.js';
import { createRequestMetrics } from './http/request-metrics.js';

/**
 * The Prometheus metrics of one app instance, on a registry of its own (so tests can build several
 * apps in one process). Served at /metrics.
 */
export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    /** This app's metrics plus the process's (memory, CPU, event loop), as served at /metrics. */
    scrape: () => Registry.merge([processRegistry(), registry]).metrics(),
    /** http_requests_total (by method, route pattern and status) and http_request_duration_seconds. */
    httpAnswers: createRequestMetrics({
      registry,
      bounds: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events published by this instance, by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    eventsReceived: new Counter({
      name: 'events_received_total',
      help: 'Events received from other instances, by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

let processMetrics: Registry | undefined;

/** Process metrics are collected once per process, however many apps it builds (tests build many). */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    const before = process.cpuUsage();
    collectDefaultMetrics({ register: processMetrics });
    countCpuSinceStart(processMetrics, before);
  }
  return processMetrics;
}

/**
 * prom-client's CPU counters start at zero when they are made (the first scrape here) and add what
 * was used since; Prometheus reads a counter as counting from the process start, so they are given
 * what the process used before then (process.cpuUsage() counts from the start).
 */
function countCpuSinceStart(registry: Registry, used: NodeJS.CpuUsage) {
  const add = (name: string, micros: number) => {
    const counter = registry.getSingleMetric(name);
    if (counter instanceof Counter) counter.inc(micros / 1e6);
  };
  add('process_cpu_user_seconds_total', used.user);
  add('process_cpu_system_seconds_total', used.system);
  add('process_cpu_seconds_total', used.user + used.system);
}

/** Reports the database connections (pool size, idle, waiting, the pool's limit) at each scrape. */
export function observeConnections(metrics: Metrics, stats: () => ConnectionStats) {
  const gauge = new Gauge({
    name: 'db_connections',
    help: 'Database connections by state: total, idle, requests waiting for one, and the most the pool opens (max)',
    labelNames: ['state'] as const,
    registers: [metrics.registry],
    collect() {
      const current = stats();
      this.set({ state: 'total' }, current.total);
      this.set({ state: 'idle' }, current.idle);
      this.set({ state: 'waiting' }, current.waiting);
      this.set({ state: 'max' }, current.max);
    },
  });
  return gauge;
}
