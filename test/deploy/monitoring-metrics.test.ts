import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** PromQL's functions, keywords and aggregations: the other words of an expression are metric names. */
const promqlWords = new Set(
  'sum avg min max count rate irate increase delta deriv histogram_quantile by without on ignoring group_left group_right and or unless bool offset le'.split(
    ' ',
  ),
);

/** The metric names an expression reads: label matchers, groupings, ranges and numbers left out. */
function metricNames(expression: string): string[] {
  const bare = expression
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  return (bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((word) => !promqlWords.has(word));
}

/** Every series name /metrics can show: each `# TYPE` line's name, a histogram's three series. */
function servedNames(scrape: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of scrape.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name) continue;
    names.add(name);
    if (type === 'histogram' || type === 'summary')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

describe('the alert rules and the dashboard', () => {
  let testApp: TestApp;
  let served: Set<string>;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    const baseUrl = await testApp.app.listen();
    served = servedNames(await (await fetch(`${baseUrl}/metrics`)).text());
  });
  afterAll(() => testApp.close());

  it('name only metrics the real server serves on /metrics', () => {
    const alerts = [
      ...read('deploy/prometheus/alerts.yml').matchAll(/expr: (?:\|\n)?((?:.+\n?)+?)\s+(?:for|labels):/g),
    ].map((match) => match[1] ?? '');
    const dashboard = JSON.parse(read('deploy/grafana/switchboard.json')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const expressions = [
      ...alerts,
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
    ];
    expect(alerts).toHaveLength(6);
    // `up` is Prometheus's own series for each scrape, not on /metrics.
    const named = new Set(expressions.flatMap(metricNames).filter((name) => name !== 'up'));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !served.has(name))).toEqual([]);
  });
});
