import { describe, expect, it } from 'vitest';
import { labelledSample } from '../../../../test/text/labelled-sample.js';
import { anonymizeText, smartAnonymize } from './anonymize.js';
import { createAnonymizationReport } from './anonymization-report.js';
import { replacementStrategies } from './options.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const defaults = { confidence_threshold: 0.7, include_originals: false, custom_patterns: [] };
const { text: sample, labels } = labelledSample();
const sensitiveValues = [
  ...new Set(labels.filter((label) => !label.label.startsWith('not_')).map((label) => label.value)),
];

describe('anonymizeText', () => {
  it.each(
    replacementStrategies.flatMap((strategy) => [
      [strategy, false],
      [strategy, true],
    ]) as [(typeof replacementStrategies)[number], boolean][],
  )(
    'leaves none of the labelled items in the text (%s, preserve_structure %s)',
    async (strategy, preserve) => {
      const result = await anonymizeText(
        {
          ...defaults,
          text: sample,
          anonymization_level: 'high',
          replacement_strategy: strategy,
          preserve_structure: preserve,
        },
        context,
      );
      const left = sensitiveValues.filter((value) => result.anonymized_text.includes(value));
      expect(left).toEqual([]);
    },
  );

  it('gives equal values equal placeholders and keeps the rest of the text', async () => {
    const result = await anonymizeText(
      {
        ...defaults,
        text: 'Mail ann@example.com, then ann@example.com again; call bob@example.org.',
        anonymization_level: 'low',
        replacement_strategy: 'placeholder',
        preserve_structure: false,
      },
      context,
    );
    expect(result.anonymized_text).toBe('Mail [EMAIL_1], then [EMAIL_1] again; call [EMAIL_2].');
    expect(result.replacements.map((replacement) => replacement.original)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps the layout with preserve_structure', async () => {
    const text = 'Card 4111 1111 1111 1111, SSN 078-05-1120.';
    const masked = await anonymizeText(
      {
        ...defaults,
        text,
        anonymization_level: 'low',
        replacement_strategy: 'placeholder',
        preserve_structure: true,
      },
      context,
    );
    expect(masked.anonymized_text).toBe('Card #### #### #### ####, SSN ###-##-####.');
    const removed = await anonymizeText(
      {
        ...defaults,
        text,
        anonymization_level: 'low',
        replacement_strategy: 'remove',
        preserve_structure: true,
      },
      context,
    );
    expect(removed.anonymized_text).toHaveLength(text.length);
  });

  it('salts hashes: equal values hash alike, another salt hashes differently', async () => {
    const run = (hash_salt: string) =>
      anonymizeText(
        {
          ...defaults,
          text: 'Call +44 20 7946 0958 or +44 20 7946 0958.',
          anonymization_level: 'low',
          replacement_strategy: 'hash',
          preserve_structure: false,
          hash_salt,
        },
        context,
      );
    const [first, second] = (await run('one')).replacements;
    expect(first?.replacement).toMatch(/^\[PHONE#[0-9a-f]{10}\]$/);
    expect(first?.replacement).toBe(second?.replacement);
    expect((await run('two')).replacements[0]?.replacement).not.toBe(first?.replacement);
  });

  it('replaces matches of a custom pattern and refuses a catastrophic one', async () => {
    const base = {
      ...defaults,
      anonymization_level: 'low' as const,
      replacement_strategy: 'placeholder' as const,
      preserve_structure: false,
    };
    const result = await anonymizeText(
      {
        ...base,
        text: 'Ticket TCK-88 and TCK-91 are open.',
        custom_patterns: [{ name: 'ticket', pattern: 'TCK-\\d+' }],
      },
      context,
    );
    expect(result.anonymized_text).toBe('Ticket [TICKET_1] and [TICKET_2] are open.');
    await expect(
      anonymizeText({ ...base, text: 'aaaa', custom_patterns: ['(a+)+$'] }, context),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'custom_patterns.0',
    });
    await expect(
      anonymizeText({ ...base, text: 'aaaa', custom_patterns: ['(unclosed'] }, context),
    ).rejects.toMatchObject({
      field: 'custom_patterns.0',
    });
  });
});

describe('smartAnonymize', () => {
  it('gives one pseudonym per person across full and partial mentions, and emails that follow it', async () => {
    const text =
      'John Smith joined in May. Mr. Smith said John would lead. Write to john.smith@example.com. Born on 1985-03-15, hired 1985-03-25.';
    const result = await smartAnonymize({ ...defaults, text, preserve_meaning: true }, context);
    const output = result.anonymized_text;
    expect(output).not.toMatch(/John|Smith|1985-03-15/);
    const [fullName = ''] = /^\S+ \S+/.exec(output) ?? [];
    const [first, last] = fullName.split(' ');
    expect(output).toContain(`Mr. ${last} said ${first} would lead`);
    expect(output).toContain(`${first?.toLowerCase()}.${last?.toLowerCase()}@example.com`);
    const dates = [...output.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((match) => Date.parse(match[0]));
    expect(dates).toHaveLength(2);
    expect(((dates[1] ?? 0) - (dates[0] ?? 0)) / 86_400_000).toBe(10);
    expect(result.method).toContain('offline:consistent-pseudonyms');
  });

  it('leaves none of the labelled items in the text', async () => {
    const result = await smartAnonymize({ ...defaults, text: sample, preserve_meaning: true }, context);
    expect(sensitiveValues.filter((value) => result.anonymized_text.includes(value))).toEqual([]);
  });
});

describe('createAnonymizationReport', () => {
  it('says what remains and rates the risk', async () => {
    const original_text = 'Contact Jane Doe at jane@example.com or +44 20 7946 0958 in London.';
    const leaky = await createAnonymizationReport(
      {
        original_text,
        anonymized_text: 'Contact [PERSON_1] at [EMAIL_1] or +44 20 7946 0958 in London.',
        confidence_threshold: 0.7,
      },
      context,
    );
    expect(leaky.risk).toBe('high');
    expect(leaky.remaining.map((item) => [item.type, item.value])).toEqual([
      ['phone', '+44 20 7946 0958'],
      ['place', 'London'],
    ]);
    const placesOnly = await createAnonymizationReport(
      {
        original_text,
        anonymized_text: 'Contact [PERSON_1] at [EMAIL_1] or [PHONE_1] in London.',
        confidence_threshold: 0.7,
      },
      context,
    );
    expect(placesOnly.risk).toBe('medium');
    const clean = await createAnonymizationReport(
      {
        original_text,
        anonymized_text: 'Contact [PERSON_1] at [EMAIL_1] or [PHONE_1] in [PLACE_1].',
        confidence_threshold: 0.7,
      },
      context,
    );
    expect(clean).toMatchObject({ risk: 'low', remaining: [], removal_rate: 1 });
  });
});
