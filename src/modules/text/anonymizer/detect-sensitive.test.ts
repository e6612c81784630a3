import { describe, expect, it } from 'vitest';
import { labelKinds, labelledSample } from '../../../../test/text/labelled-sample.js';
import { detectSensitive } from './detect-sensitive.js';
import type { Finding } from './finding.js';
import { sensitiveKinds } from './sensitive-kinds.js';

const everyKind = new Set(sensitiveKinds);

/** Per kind: the share of labelled items a finding of that kind overlaps. */
function recallByKind(labels: ReturnType<typeof labelledSample>['labels'], findings: Finding[]) {
  const recall: Record<string, { found: number; total: number; missed: string[] }> = {};
  for (const label of labels) {
    const kind = labelKinds[label.label as keyof typeof labelKinds];
    if (!kind) continue;
    const entry = (recall[kind] ??= { found: 0, total: 0, missed: [] });
    entry.total++;
    const found = findings.some(
      (finding) => finding.type === kind && finding.start < label.end && label.start < finding.end,
    );
    if (found) entry.found++;
    else entry.missed.push(label.value);
  }
  return recall;
}

describe('detectSensitive on the labelled sample', async () => {
  const { text, labels } = labelledSample();
  const findings = await detectSensitive(text, { kinds: everyKind, confidenceThreshold: 0.7 });
  const recall = recallByKind(labels, findings);

  it.each(Object.values(labelKinds))('finds at least 95 percent of the %s items', (kind) => {
    const entry = recall[kind];
    expect(entry?.total).toBeGreaterThanOrEqual(14);
    if (!entry) return;
    expect({ kind, recall: entry.found / entry.total, missed: entry.missed }).toMatchObject({
      recall: expect.toSatisfy((value: number) => value >= 0.95),
    });
  });

  it('does not take numbers with a wrong check digit for cards or IBANs', () => {
    for (const label of labels.filter((label) => label.label.startsWith('not_'))) {
      const kind = label.label === 'not_card' ? 'credit_card' : 'iban';
      const wrong = findings.filter(
        (finding) => finding.type === kind && finding.start < label.end && label.start < finding.end,
      );
      expect({ value: label.value, wrong }).toEqual({ value: label.value, wrong: [] });
    }
  });

  it('gives each finding its exact place in the text', () => {
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.value);
  });
});

describe('detectSensitive spans', () => {
  it('cuts names at brackets, drops a possessive and a date’s preposition, and finds later mentions', async () => {
    const text =
      'Rajesh Kumar met Ahmed Hassan (Emirates, Dubai) on 14 February 2023. Kumar’s passport number is K8813472.';
    const findings = await detectSensitive(text, { kinds: everyKind, confidenceThreshold: 0.7 });
    const values = findings.map((finding) => [finding.type, finding.value]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['person', 'Rajesh Kumar'],
        ['person', 'Ahmed Hassan'],
        ['place', 'Dubai'],
        ['date', '14 February 2023'],
        ['person', 'Kumar'],
        ['id_number', 'K8813472'],
      ]),
    );
  });

  it('reports only the kinds asked for, above the threshold', async () => {
    const text = 'Call +44 20 7946 0958 or write to ann@example.com about order 123456.';
    const phones = await detectSensitive(text, { kinds: new Set(['phone']), confidenceThreshold: 0.7 });
    expect(phones.map((finding) => finding.value)).toEqual(['+44 20 7946 0958']);
    const everything = await detectSensitive(text, { kinds: everyKind, confidenceThreshold: 0 });
    expect(everything.find((finding) => finding.value === '123456')).toMatchObject({
      type: 'id_number',
      confidence: 0.6,
    });
  });
});

describe('detectSensitive progress', () => {
  it('reports one growing percentage across its phases, ending at 100', async () => {
    const { text } = labelledSample();
    const reported: number[] = [];
    const context = {
      signal: new AbortController().signal,
      progress: async (done: number) => void reported.push(done),
    };
    await detectSensitive(text.repeat(5), { kinds: everyKind, confidenceThreshold: 0.7, context });
    expect(reported.length).toBeGreaterThan(2);
    expect(reported).toEqual([...new Set(reported)].sort((a, b) => a - b));
    expect(reported.at(-1)).toBe(100);
  });
});
