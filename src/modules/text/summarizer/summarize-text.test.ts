import { describe, expect, it } from 'vitest';
import { companyUpdate, councilBody, councilWithTitle } from '../../../../test/text/council-text.js';
import { sampleArticle } from '../../../../test/text/sample-article.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { buildHeadlines } from './headlines.js';
import { keyTerms } from './key-terms.js';
import { rankedSentences } from './summarize.js';
import { summarizeText } from './summarize-text.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const inputSentences = new Set(splitSentences(sampleArticle).map((sentence) => sentence.text));

describe('summarizeText', () => {
  it('is made of the text’s own sentences, shorter at each length, short < medium < long', async () => {
    const lengths: number[] = [];
    for (const length of ['short', 'medium', 'long'] as const) {
      const result = await summarizeText(sampleArticle, { summary_type: 'extractive', length }, context);
      for (const sentence of result.sentences) {
        expect(inputSentences.has(sentence.text)).toBe(true);
        expect(sampleArticle.slice(sentence.start, sentence.end)).toBe(sentence.text);
      }
      expect(result.summary.length).toBeLessThan(sampleArticle.length);
      expect(result.method).toBe('offline:textrank');
      lengths.push(result.summary.length);
    }
    expect(lengths[0]).toBeLessThan(lengths[1] ?? 0);
    expect(lengths[1]).toBeLessThan(lengths[2] ?? 0);
  });

  it('keeps the text’s order in an extractive summary and leaves out the off-topic sentence', async () => {
    const result = await summarizeText(
      sampleArticle,
      { summary_type: 'extractive', length: 'long' },
      context,
    );
    const starts = result.sentences.map((sentence) => sentence.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result.summary).not.toContain('The weather in March');
  });

  it.each([
    ['a council report', councilBody, 'voted 7 to 2 to approve funding', 'met on Tuesday'],
    [
      'the same report under its title',
      councilWithTitle,
      'voted 7 to 2 to approve funding',
      'met on Tuesday',
    ],
    ['a company update', companyUpdate, 'decided to close 12 of the 40 stores', 'met with the company'],
  ])(
    'keeps the main point of %s (the decision, its figures), not the scene-setting',
    async (_, text, point, scene) => {
      for (const length of ['short', 'medium'] as const) {
        const { summary } = await summarizeText(text, { summary_type: 'extractive', length }, context);
        expect(summary, length).toContain(point);
        if (length === 'short') expect(summary).not.toContain(scene);
      }
    },
  );

  it('leans toward the focus words', async () => {
    const plain = await summarizeText(
      sampleArticle,
      { summary_type: 'extractive', length: 'short' },
      context,
    );
    const focused = await summarizeText(
      sampleArticle,
      { summary_type: 'extractive', length: 'short', focus: 'schools children classroom' },
      context,
    );
    expect(plain.summary).not.toMatch(/school|children|classroom/i);
    expect(focused.summary).toMatch(/school|children|classroom/i);
  });

  it('builds bullet points and insights from the extracted sentences, and says how', async () => {
    const bullets = await summarizeText(
      sampleArticle,
      { summary_type: 'bullet_points', length: 'medium' },
      context,
    );
    for (const line of bullets.summary.split('\n'))
      expect(inputSentences.has(line.replace(/^- /, ''))).toBe(true);
    const abstractive = await summarizeText(
      sampleArticle,
      { summary_type: 'abstractive', length: 'medium' },
      context,
    );
    expect(abstractive.method).toMatch(/^offline:textrank \(extractive/);
    const insights = await summarizeText(
      sampleArticle,
      { summary_type: 'key_insights', length: 'medium' },
      context,
    );
    expect(insights.summary).toMatch(/^Key terms: /);
  });
});

describe('ranking, key terms and headlines', () => {
  it('ranks the most connected sentence first and an unrelated one last', async () => {
    const text =
      'Solar panels on city roofs cut energy bills. Solar panels also cut carbon emissions. Energy bills and carbon emissions fall when city roofs carry solar panels. My cat sleeps all day.';
    const { ranked } = await rankedSentences(text, context);
    expect(ranked[0]?.text).toBe(
      'Energy bills and carbon emissions fall when city roofs carry solar panels.',
    );
    expect(ranked.at(-1)?.text).toBe('My cat sleeps all day.');
  });

  it('finds the article’s key terms', () => {
    const terms = keyTerms(sampleArticle, 6);
    expect(terms.some((term) => /bee/.test(term))).toBe(true);
    expect(terms.some((term) => /flower/.test(term))).toBe(true);
  });

  it('gives distinct headlines in each style', async () => {
    const { ranked } = await rankedSentences(sampleArticle, context);
    const terms = keyTerms(sampleArticle, 10);
    for (const style of ['informative', 'news', 'question', 'keywords'] as const) {
      const headlines = buildHeadlines({ sentences: ranked, terms, count: 3, style });
      expect(headlines).toHaveLength(3);
      expect(new Set(headlines).size).toBe(3);
      for (const headline of headlines) expect(headline.split(' ').length).toBeLessThanOrEqual(15);
    }
    expect(buildHeadlines({ sentences: ranked, terms, count: 1, style: 'question' })[0]).toMatch(/\?$/);
  });
});
