import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { labelKinds, labelledSample } from './labelled-sample.js';
import { makePdf } from './make-pdf.js';
import { renderTextImage } from './render-text-image.js';
import { sampleArticle } from './sample-article.js';

/** The anonymizer, summarizer, grammar, PDF and OCR tools over REST (and one over MCP), on one app. */
describe('privacy, summary, grammar, PDF and OCR tools', () => {
  let testApp: TestApp;
  let cookie: string;
  let articleServer: http.Server;
  let articleUrl: string;
  const call = (name: string, payload: object) => callToolOverRest(testApp.app, cookie, name, payload);
  const { text: sample, labels } = labelledSample();
  const sensitiveValues = [
    ...new Set(labels.filter((label) => !label.label.startsWith('not_')).map((label) => label.value)),
  ];

  beforeAll(async () => {
    articleServer = http.createServer((_request, reply) => {
      reply.setHeader('content-type', 'text/html; charset=utf-8');
      reply.end(
        `<html><head><style>p{}</style></head><body>${sampleArticle
          .split('\n\n')
          .map((paragraph) => `<p>${paragraph}</p>`)
          .join('')}<script>alert(1)</script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => articleServer.listen(0, '127.0.0.1', resolve));
    articleUrl = `http://127.0.0.1:${(articleServer.address() as AddressInfo).port}/article`;
    testApp = await buildTestApp('embedded', {
      settings: { fetchAllowedHosts: '127.0.0.1', textLimit: '65536' },
    });
    await seedUser(testApp.app, { email: 'writer@example.com' });
    cookie = await signIn(testApp.app, 'writer@example.com');
  });
  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => articleServer.close(resolve));
  });

  it('detect_sensitive_info finds at least 95% of every kind of labelled item', async () => {
    const { structured_content, is_error } = await call('detect_sensitive_info', { text: sample });
    expect(is_error).toBe(false);
    const findings = structured_content.findings as { type: string; start: number; end: number }[];
    for (const kind of Object.values(labelKinds)) {
      const wanted = labels.filter((label) => labelKinds[label.label as keyof typeof labelKinds] === kind);
      const found = wanted.filter((label) =>
        findings.some(
          (finding) => finding.type === kind && finding.start < label.end && label.start < finding.end,
        ),
      );
      expect(found.length / wanted.length, kind).toBeGreaterThanOrEqual(0.95);
    }
    expect(structured_content.method).toMatch(/^offline:/);
  });

  it('detect_sensitive_info keeps to the kinds and threshold asked for', async () => {
    const { structured_content } = await call('detect_sensitive_info', {
      text: 'Mail ann@example.com or call +44 20 7946 0958.',
      detection_types: ['phones'],
      confidence_threshold: 0.9,
    });
    expect(structured_content.findings).toEqual([
      expect.objectContaining({ type: 'phone', value: '+44 20 7946 0958', start: 29, end: 45, detail: 'GB' }),
    ]);
  });

  it.each(['placeholder', 'fake_data', 'hash', 'remove'])(
    'anonymize_text with %s leaves none of the labelled items',
    async (replacement_strategy) => {
      const { structured_content } = await call('anonymize_text', { text: sample, replacement_strategy });
      const anonymized = structured_content.anonymized_text as string;
      expect(sensitiveValues.filter((value) => anonymized.includes(value))).toEqual([]);
      expect(JSON.stringify(structured_content)).not.toContain('4111 1111 1111 1111');
    },
  );

  it('anonymize_text refuses an unsafe custom pattern and a text over the limit, naming the field', async () => {
    const unsafe = await call('anonymize_text', { text: 'aaaa', custom_patterns: ['(a|aa)+$'] });
    expect(unsafe).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'custom_patterns.0' },
    });
    const large = await call('anonymize_text', { text: 'x'.repeat(70_000) });
    expect(large).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'text' },
    });
  });

  it('smart_anonymize and create_anonymization_report agree that nothing is left', async () => {
    const smart = await call('smart_anonymize', { text: sample });
    const anonymized = smart.structured_content.anonymized_text as string;
    expect(smart.structured_content.method).toMatch(/consistent-pseudonyms/);
    const report = await call('create_anonymization_report', {
      original_text: sample,
      anonymized_text: anonymized,
    });
    expect(report.structured_content).toMatchObject({ risk: 'low', remaining: [], removal_rate: 1 });
    const untouched = await call('create_anonymization_report', {
      original_text: sample,
      anonymized_text: sample,
    });
    expect(untouched.structured_content.risk).toBe('high');
  });

  it('summarize_text summarizes a fetched page with its own sentences', async () => {
    const { structured_content } = await call('summarize_text', { url: articleUrl, length: 'short' });
    const sentences = structured_content.sentences as { text: string }[];
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sampleArticle).toContain(sentence.text);
    expect((structured_content.summary as string).length).toBeLessThan(sampleArticle.length);
    expect(structured_content.summary).not.toContain('alert');
    expect(structured_content.method).toBe('offline:textrank');
  });

  it('extract_key_points ranks points with their context', async () => {
    const { structured_content } = await call('extract_key_points', {
      text: sampleArticle,
      max_points: 3,
      include_context: true,
    });
    const points = structured_content.key_points as { rank: number; text: string; context_before?: string }[];
    expect(points.map((point) => point.rank)).toEqual([1, 2, 3]);
    for (const point of points) expect(sampleArticle).toContain(point.text);
    expect(points.some((point) => point.context_before)).toBe(true);
  });

  it('generate_headlines gives the number asked for', async () => {
    const { structured_content, content } = await call('generate_headlines', {
      text: sampleArticle,
      count: 2,
      style: 'news',
    });
    expect(structured_content.headlines).toHaveLength(2);
    expect(content[0]?.text).toMatch(/^- /);
  });

  it('check_grammar, suggest_improvements and explain_corrections work together', async () => {
    const original = 'This is is a example of thier work. We will utilize it in order to grow.';
    const checked = await call('check_grammar', { text: original, preserve_tone: false });
    const corrected = checked.structured_content.corrected_text as string;
    expect(corrected).toBe('This is an example of their work. We will use it to grow.');
    const improvements = await call('suggest_improvements', { text: original, focus_areas: ['conciseness'] });
    expect(improvements.structured_content.improvements).toEqual([
      expect.objectContaining({ area: 'conciseness', count: 2 }),
    ]);
    const explained = await call('explain_corrections', {
      original_text: original,
      corrected_text: corrected,
    });
    const reasons = (explained.structured_content.changes as { reason: string }[]).map(
      (change) => change.reason,
    );
    expect(reasons).toEqual(expect.arrayContaining(['spelling', 'wordy_phrase']));
  });

  it('extract_pdf_text reads a PDF page by page over REST', async () => {
    const pdf = await makePdf({
      pages: [['First page.'], ['Second page.'], ['Third page.']],
      title: 'Three pages',
    });
    const { structured_content } = await call('extract_pdf_text', {
      pdf_content: Buffer.from(pdf).toString('base64'),
      page_range: '2-3',
    });
    expect(structured_content).toMatchObject({
      page_count: 3,
      pages: [
        { page_number: 2, text: 'Second page.' },
        { page_number: 3, text: 'Third page.' },
      ],
      metadata: { title: 'Three pages' },
      method: 'offline:pdf.js',
    });
    const lastPage = await call('extract_pdf_text', {
      pdf_content: Buffer.from(pdf).toString('base64'),
      page_range: { start: 3 },
      include_metadata: false,
    });
    expect(lastPage.structured_content).toMatchObject({ pages: [{ page_number: 3, text: 'Third page.' }] });
    const bad = await call('extract_pdf_text', { pdf_content: Buffer.from('plain text').toString('base64') });
    expect(bad).toMatchObject({ is_error: true, structured_content: { field: 'pdf_content' } });
  });

  it('extract_image_text reads an image over REST', async () => {
    const image = await renderTextImage(['Meeting notes for Tuesday']);
    const { structured_content } = await call('extract_image_text', {
      image_content: image.toString('base64'),
    });
    expect(structured_content).toMatchObject({
      text: 'Meeting notes for Tuesday',
      method: expect.stringMatching(/^offline:tesseract/),
    });
    const notImage = await call('extract_image_text', {
      image_content: Buffer.from('hello').toString('base64'),
    });
    expect(notImage).toMatchObject({ is_error: true, structured_content: { field: 'image_content' } });
  });

  it('extract_pdf_text reports progress per page over MCP', async () => {
    const url = await testApp.app.listen();
    const { key } = await createApiKey(testApp.app, cookie);
    const client = new Client({ name: 'pdf-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    try {
      const pdf = await makePdf({ pages: [['One.'], ['Two.'], ['Three.'], ['Four.']] });
      const progress: number[] = [];
      const result = await client.callTool(
        { name: 'extract_pdf_text', arguments: { pdf_content: Buffer.from(pdf).toString('base64') } },
        undefined,
        { onprogress: (update) => void progress.push(update.progress) },
      );
      expect(result.structuredContent).toMatchObject({ text: 'One.\n\nTwo.\n\nThree.\n\nFour.' });
      expect(progress).toEqual([1, 2, 3, 4]);
    } finally {
      await client.close();
    }
  });
});
