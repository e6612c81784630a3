import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze-sentiment.js';
import { sentimentTransformReport } from './transform-sentiment.js';

const context = { signal: new AbortController().signal, progress: async () => {} };

describe('sentimentTransformReport', () => {
  it('rewrites nothing and names the words that pull against the target tone', async () => {
    const analysis = await analyzeSentiment({
      text: 'The room was dirty and the staff were rude, but the view was nice.',
      context,
    });
    const report = sentimentTransformReport(analysis, 'positive');
    expect(report).toMatchObject({ transformed_text: null, changed: false, already_matches: false });
    expect(report.words_against_target.map((word) => word.word)).toEqual(['dirty', 'rude']);
    expect(report.message).toContain('needs a language model');
    expect(report.message).toContain('"dirty", "rude"');
  });

  it('says so when the text already has the target tone, and lists every scored word for neutral', async () => {
    const analysis = await analyzeSentiment({ text: 'A lovely, happy day with one sad moment.', context });
    expect(sentimentTransformReport(analysis, 'positive').already_matches).toBe(true);
    expect(
      sentimentTransformReport(analysis, 'neutral').words_against_target.map((word) => word.word),
    ).toEqual(['lovely', 'happy', 'sad']);
  });
});
