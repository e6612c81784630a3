import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/actor.js';
import { languageSamples } from '../fixtures/text/language-samples.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const paragraph = (language: string) => (languageSamples[language] ?? []).join(' ');

describe('language and sentiment tools over REST and MCP', () => {
  let testApp: TestApp;
  let cookie: string;
  let mcp: Client;
  const call = (name: string, payload: object) => callToolOverRest(testApp.app, cookie, name, payload);

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    await seedUser(testApp.app, { email: 'linguist@example.com' });
    cookie = await signIn(testApp.app, 'linguist@example.com');
    const url = await testApp.app.listen();
    const { key } = await createApiKey(testApp.app, cookie, ['mcp']);
    mcp = new Client({ name: 'text-test', version: '1.0.0' });
    await mcp.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
  });
  afterAll(async () => {
    await mcp.close();
    await testApp.close();
  });

  it('detect_language names the language of a sentence in each of 16 languages', async () => {
    const found: Record<string, string | undefined> = {};
    for (const language of Object.keys(languageSamples)) {
      const result = await call('detect_language', { text: languageSamples[language]?.[1] });
      found[language] = (result.structured_content.language as { iso639_3: string } | null)?.iso639_3;
    }
    expect(found).toEqual(
      Object.fromEntries(Object.keys(languageSamples).map((language) => [language, language])),
    );
  });

  it('detect_language gives confidence and candidates, or leaves them out', async () => {
    const full = await call('detect_language', { text: languageSamples.ita?.[0], top_n: 2 });
    expect(full.structured_content).toMatchObject({
      method: 'offline:eld',
      language: { iso639_1: 'it', iso639_3: 'ita', name: 'Italian' },
      reliable: true,
      candidates: [{ iso639_1: 'it', score: expect.any(Number) }, { score: expect.any(Number) }],
    });
    expect(full.content[0]?.text).toMatch(/^Italian \(it\/ita\), score 0\.\d\d\. Other candidates: \w+\.$/);
    const bare = await call('detect_language', { text: languageSamples.ita?.[0], include_confidence: false });
    expect(bare.structured_content).not.toHaveProperty('confidence');
    expect(bare.structured_content.candidates).toContainEqual({
      iso639_1: 'it',
      iso639_3: 'ita',
      name: 'Italian',
    });
  });

  it('detect_multiple_languages finds the languages of a mixed text with their segments', async () => {
    const text = [paragraph('nld'), paragraph('pol'), paragraph('ell')].join('\n\n');
    const result = await call('detect_multiple_languages', { text, max_languages: 2 });
    expect(result.structured_content).toMatchObject({
      method: 'offline:eld',
      sentences: 18,
      segments_total: 3,
    });
    expect(
      (result.structured_content.languages as { iso639_1: string }[]).map((language) => language.iso639_1),
    ).toHaveLength(2);
    expect(
      (result.structured_content.segments as { language: { name: string } }[]).map(
        (segment) => segment.language.name,
      ),
    ).toEqual(['Dutch', 'Polish', 'Modern Greek']);
  });

  it('reports progress over MCP on a long text, and stops when the client cancels', async () => {
    const text = Array.from({ length: 100 }, () => ['eng', 'fra', 'deu'].map(paragraph).join('\n\n')).join(
      '\n\n',
    );
    const progress: number[] = [];
    const result = await mcp.callTool(
      { name: 'detect_multiple_languages', arguments: { text, max_segments: 0 } },
      undefined,
      { onprogress: (update) => void progress.push(update.progress) },
    );
    expect(result.structuredContent).toMatchObject({ sentences: 1_800, segments: [], segments_total: 300 });
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(progress.at(-1)).toBe(1_800);

    const large = Array.from({ length: 5 }, () => text).join('\n\n'); // under the 1 MB TEXT_LIMIT
    const controller = new AbortController();
    const cancelled = mcp.callTool(
      { name: 'detect_multiple_languages', arguments: { text: large } },
      undefined,
      {
        signal: controller.signal,
        onprogress: () => controller.abort(),
      },
    );
    await expect(cancelled).rejects.toThrow();
    await expect
      .poll(async () => {
        const [entry] = (
          await testApp.app.identity.audit.list(systemActor, { action: 'tool.call', limit: 1 })
        ).items;
        return entry?.reason;
      })
      .toBe('CANCELLED');
  });

  it('analyze_sentiment labels a text and names the words that drove it, sentence by sentence if asked', async () => {
    const result = await call('analyze_sentiment', {
      text: 'The staff were wonderful. The room was dirty.',
      detail_level: 'detailed',
      include_emotions: true,
    });
    expect(result.structured_content).toMatchObject({
      method: 'offline:afinn-165',
      label: 'positive',
      score: 2,
      positive_words: [{ word: 'wonderful', score: 4, count: 1 }],
      negative_words: [{ word: 'dirty', score: -2, count: 1 }],
      sentences: [
        { excerpt: 'The staff were wonderful.', label: 'positive', start: 0, end: 25 },
        { excerpt: 'The room was dirty.', label: 'negative' },
      ],
      language: { iso639_1: 'en' },
      notes: [expect.stringContaining('no emotion lexicon')],
    });
    const basic = await call('analyze_sentiment', { text: 'Awful.', detail_level: 'basic' });
    expect(basic.structured_content).toMatchObject({ label: 'negative', score: -3 });
    expect(basic.structured_content).not.toHaveProperty('negative_words');
  });

  it('transform_sentiment says it could not rewrite offline and what pulls against the target', async () => {
    const result = await call('transform_sentiment', {
      text: 'The delivery was late and the box was broken.',
      target_sentiment: 'positive',
    });
    expect(result.structured_content).toMatchObject({
      method: 'offline:afinn-165',
      transformed_text: null,
      changed: false,
      current: { label: 'negative' },
      words_against_target: [{ word: 'broken' }],
    });
    expect(result.content[0]?.text).toContain('needs a language model');
  });

  it('sentiment_comparison ranks labelled texts and refuses labels that do not match the texts', async () => {
    const result = await call('sentiment_comparison', {
      texts: ['A dull, boring film.', 'A brilliant, joyful film.', 'A film.'],
      labels: ['dull', 'brilliant', 'plain'],
    });
    expect(result.structured_content).toMatchObject({
      method: 'offline:afinn-165',
      ranking: ['brilliant', 'plain', 'dull'],
      most_positive: 'brilliant',
      most_negative: 'dull',
      items: [
        { label: 'dull', sentiment: 'negative' },
        { label: 'brilliant', sentiment: 'positive' },
        { sentiment: 'neutral' },
      ],
    });
    const mismatched = await call('sentiment_comparison', { texts: ['a', 'b'], labels: ['one'] });
    expect(mismatched).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'labels' },
    });
  });
});
