import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const shortWords = 'The cat sat on the mat. It was a sunny day.';
const page = `<html><head><script>var x = "not text";</script></head><body>
<h1>Gardens</h1><p>The garden is green. The garden has trees, and the trees are tall.</p></body></html>`;

describe('text analyzer tools over REST', () => {
  let testApp: TestApp;
  let cookie: string;
  let pageServer: http.Server;
  let pageUrl: string;
  const call = (name: string, payload: object) => callToolOverRest(testApp.app, cookie, name, payload);

  beforeAll(async () => {
    pageServer = http.createServer((_request, reply) =>
      reply.writeHead(200, { 'content-type': 'text/html' }).end(page),
    );
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/gardens`;
    testApp = await buildTestApp('embedded', { settings: { fetchAllowedHosts: '127.0.0.0/8' } });
    await seedUser(testApp.app, { email: 'analyst@example.com' });
    cookie = await signIn(testApp.app, 'analyst@example.com');
  });
  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => pageServer.close(resolve));
  });

  it('analyze_text_basic counts words, sentences and reading time, and detects the language', async () => {
    const result = await call('analyze_text_basic', { text: shortWords, reading_speed_wpm: 110 });
    expect(result.structured_content).toMatchObject({
      method: 'offline:cldr-segmentation+intl-segmenter',
      language: { iso639_1: 'en', name: 'English' },
      language_detected: true,
      words: 11,
      sentences: 2,
      paragraphs: 1,
      reading_time_minutes: 0.1,
    });
  });

  it('analyze_readability gives the figures of the formulas worked by hand', async () => {
    // 2 sentences, 11 words, 12 syllables (sun-ny has two), 31 letters.
    const result = await call('analyze_readability', {
      text: shortWords,
      metrics: ['flesch_reading_ease', 'flesch_kincaid', 'coleman_liau', 'automated_readability'],
    });
    const round = (value: number) => Math.round(value * 100) / 100;
    expect(result.structured_content).toMatchObject({
      method: 'offline:syllable+readability-formulas',
      counts: { sentences: 2, words: 11, syllables: 12, letters: 31 },
      scores: {
        flesch_reading_ease: round(206.835 - 1.015 * (11 / 2) - 84.6 * (12 / 11)),
        flesch_kincaid: round(0.39 * (11 / 2) + 11.8 * (12 / 11) - 15.59),
        coleman_liau: round(0.0588 * ((100 * 31) / 11) - 0.296 * ((100 * 2) / 11) - 15.8),
        automated_readability: round(4.71 * (31 / 11) + 0.5 * (11 / 2) - 21.43),
      },
      reading_ease_label: 'very easy',
      notes: [],
    });
  });

  it('analyze_readability warns that the formulas are English-made for another language, and refuses text without words', async () => {
    const german = await call('analyze_readability', {
      text: 'Der Zug hatte wegen einer Signalstörung fast eine Stunde Verspätung.',
      metrics: ['flesch_reading_ease'],
    });
    expect(german.structured_content.notes).toEqual([expect.stringContaining('made for English')]);
    const empty = await call('analyze_readability', { text: '123 456 !!!' });
    expect(empty).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'text' },
    });
  });

  it('word_frequency_analysis reads a page from a url, without its script, stop words or short words', async () => {
    const result = await call('word_frequency_analysis', { url: pageUrl, top_n: 2 });
    expect(result.structured_content).toMatchObject({
      method: 'offline:intl-segmenter+stopword',
      stop_word_list: 'eng',
      items: [
        { word: 'garden', count: 2 },
        { word: 'trees', count: 2 },
      ],
    });
    expect(JSON.stringify(result.structured_content)).not.toContain('var');
  });

  it('text_complexity_analysis reports LIX and vocabulary figures', async () => {
    const result = await call('text_complexity_analysis', { text: shortWords });
    expect(result.structured_content).toMatchObject({
      method: 'offline:lix+lexical-statistics',
      words: 11,
      sentences: 2,
      lix: 5.5, // 11/2 words a sentence, no word longer than six letters
      complexity_level: 'very easy',
    });
  });

  it('refuses text and url together, naming the field', async () => {
    const result = await call('analyze_text_basic', { text: 'x', url: pageUrl });
    expect(result).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'url' },
    });
  });
});
