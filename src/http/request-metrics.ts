import type { Metric, MetricValue, Registry } from 'prom-client';

/** One method on one route pattern: its answers by status, and the histogram of their durations. */
interface Series {
  labels: { method: string; route: string };
  statuses: Map<number, number>;
  /** Answers per bucket (not cumulative); the last counts those above the largest bound. */
  buckets: number[];
  sum: number;
  count: number;
}

const requestsHelp = 'HTTP requests answered, by method, route pattern and status code';
const durationHelp = 'Time to answer HTTP requests, by method and route pattern';

/**
 * `http_requests_total` and `http_request_duration_seconds`, kept per route pattern and method in
 * plain numbers and given to the registry in prom-client's shape at each scrape (the same text).
 * prom-client's Counter and Histogram make a label object and a key string from it on every
 * observation; an answer here costs two Map lookups and a few additions.
 */
export function createRequestMetrics({ registry, bounds }: { registry: Registry; bounds: number[] }) {
  const byRoute = new Map<string, Map<string, Series>>();

  function seriesOf(method: string, route: string): Series {
    let byMethod = byRoute.get(route);
    if (!byMethod) byRoute.set(route, (byMethod = new Map()));
    let series = byMethod.get(method);
    if (!series) {
      series = {
        labels: { method, route },
        statuses: new Map(),
        buckets: bounds.map(() => 0),
        sum: 0,
        count: 0,
      };
      series.buckets.push(0);
      byMethod.set(method, series);
    }
    return series;
  }

  function* allSeries() {
    for (const byMethod of byRoute.values()) yield* byMethod.values();
  }

  const requests = {
    name: 'http_requests_total',
    help: requestsHelp,
    type: 'counter',
    aggregator: 'sum',
    get() {
      const values: MetricValue<string>[] = [];
      for (const series of allSeries())
        for (const [status, count] of series.statuses)
          values.push({ labels: { ...series.labels, status: String(status) }, value: count });
      return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
    },
    reset: () => byRoute.clear(),
  };

  const durations = {
    name: 'http_request_duration_seconds',
    help: durationHelp,
    type: 'histogram',
    aggregator: 'sum',
    get() {
      const values: (MetricValue<string> & { metricName: string; sharedLabels: object })[] = [];
      const value = (suffix: string, labels: object, sharedLabels: object, count: number) =>
        values.push({ metricName: `${this.name}_${suffix}`, labels, sharedLabels, value: count });
      for (const series of allSeries()) {
        let cumulative = 0;
        bounds.forEach((bound, index) => {
          cumulative += series.buckets[index] ?? 0;
          value('bucket', { le: bound }, series.labels, cumulative);
        });
        value('bucket', { le: '+Inf' }, series.labels, series.count);
        value('sum', {}, series.labels, series.sum);
        value('count', {}, series.labels, series.count);
      }
      return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
    },
    reset: () => byRoute.clear(),
  };

  // The registry reads a metric through get() (and reset()): these are not prom-client's classes.
  registry.registerMetric(requests as unknown as Metric);
  registry.registerMetric(durations as unknown as Metric);

  return {
    /** Counts one answer and its duration in seconds (positional: it runs on every answer). */
    record(method: string, route: string, status: number, seconds: number) {
      const series = seriesOf(method, route);
      series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
      let index = 0;
      while (index < bounds.length && seconds > (bounds[index] ?? Infinity)) index++;
      series.buckets[index] = (series.buckets[index] ?? 0) + 1;
      series.sum += seconds;
      series.count += 1;
    },
  };
}
