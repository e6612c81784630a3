import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { makePdf } from '../text/make-pdf.js';
import { multipart } from '../helpers/multipart.js';
import { onePixelPng } from '../helpers/sample-files.js';

describe('documents over REST', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let pages: http.Server;
  let pageBase: string;
  let pageBody =
    '<html><head><title>Garden notes</title><script>steal()</script></head><body><p>Tomatoes need sun.</p></body></html>';

  beforeAll(async () => {
    pages = http.createServer((request, response) => {
      if (request.url === '/garden')
        return response.writeHead(200, { 'content-type': 'text/html' }).end(pageBody);
      if (request.url === '/huge') return response.writeHead(200).end('x'.repeat(5_000));
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pageBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    testApp = await buildTestApp('embedded', {
      settings: { fetchAllowedHosts: '127.0.0.1', uploadLimit: '4096', fetchMaxBytes: '4096' },
    });
    await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
    bob = as(testApp.app, { cookie: await signIn(testApp.app, 'bob@example.com') });
  });
  afterAll(async () => {
    await testApp.close();
    pages.close();
  });

  const note = (payload: object) =>
    alice({ method: 'POST', url: '/api/v1/resources', payload: { kind: 'text', ...payload } });

  it('keeps a note, and each change of its content as a version that can be read and restored', async () => {
    const created = await note({ name: 'Recipe', content: 'Flour, water, salt.', tags: ['kitchen'] });
    expect(created.statusCode).toBe(201);
    const { id, uri } = created.json();
    expect(uri).toBe(`switchboard://resources/${id}`);
    expect(created.json()).toMatchObject({
      kind: 'text',
      mime_type: 'text/markdown',
      version: 1,
      mine: true,
    });

    const changed = await alice({
      method: 'PATCH',
      url: `/api/v1/resources/${id}`,
      payload: { content: 'Flour, water, salt, yeast.' },
    });
    expect(changed.json().version).toBe(2);
    const versions = await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions` });
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions/1` });
    expect(first.json().text).toBe('Flour, water, salt.');

    const restored = await alice({ method: 'POST', url: `/api/v1/resources/${id}/versions/1/restore` });
    expect(restored.json().version).toBe(3);
    const now = await alice({ method: 'GET', url: `/api/v1/resources/${id}` });
    expect(now.json().text).toBe('Flour, water, salt.');
    const second = await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions/2` });
    expect(second.json().text).toBe('Flour, water, salt, yeast.');

    // Renaming is not a content change: no new version.
    const renamed = await alice({
      method: 'PATCH',
      url: `/api/v1/resources/${id}`,
      payload: { name: 'Bread' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Bread', version: 3 });
    const missing = await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions/9` });
    expect(missing.json().error.code).toBe('RESOURCE_VERSION_NOT_FOUND');
  });

  it('searches names and text, best match first, with the matching passage', async () => {
    await note({ name: 'Trip plan', content: 'We take the night train to Vienna and visit the opera.' });
    await note({ name: 'Vienna', content: 'Museums, cafés and the Danube.' });
    await note({ name: 'Groceries', content: 'Milk, eggs, bread.' });
    const found = await alice({ method: 'GET', url: '/api/v1/resources?q=vienna' });
    const items = found.json().items as { name: string; snippet: string; rank: number }[];
    expect(items.map((item) => item.name)).toEqual(['Vienna', 'Trip plan']);
    expect(items[1]?.snippet).toContain('«Vienna»');
    const [best, next] = items.map((item) => item.rank);
    expect(best).toBeGreaterThan(next ?? Infinity);
    const none = await alice({ method: 'GET', url: '/api/v1/resources?q=zeppelin' });
    expect(none.json()).toEqual({ items: [], next_cursor: null });
  });

  it('pages through a long list and through search results without repeats', async () => {
    for (let index = 0; index < 5; index++)
      await note({ name: `Paged ${index}`, content: 'pagination words', tags: ['paged'] });
    for (const query of ['tag=paged', 'q=pagination']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await alice({
          method: 'GET',
          url: `/api/v1/resources?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        });
        seen.push(...page.json().items.map((item: { id: string }) => item.id));
        cursor = page.json().next_cursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(5);
      expect(seen).toHaveLength(5);
    }
    const bad = await alice({ method: 'GET', url: '/api/v1/resources?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'cursor' });
  });

  it('shares a resource with everyone to read, while only its owner changes it', async () => {
    const { id } = (await note({ name: 'Team handbook', content: 'Be kind.', visibility: 'shared' })).json();
    const { id: privateId } = (await note({ name: 'Diary', content: 'Secret.' })).json();

    const read = await bob({ method: 'GET', url: `/api/v1/resources/${id}` });
    expect(read.json()).toMatchObject({ text: 'Be kind.', mine: false });
    const listed = await bob({ method: 'GET', url: '/api/v1/resources' });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    const searched = await bob({ method: 'GET', url: '/api/v1/resources?q=secret' });
    expect(searched.json().items).toEqual([]);

    const edit = await bob({
      method: 'PATCH',
      url: `/api/v1/resources/${id}`,
      payload: { content: 'Be mean.' },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('RESOURCE_READ_ONLY');
    expect((await bob({ method: 'DELETE', url: `/api/v1/resources/${id}` })).statusCode).toBe(403);
    expect((await bob({ method: 'GET', url: `/api/v1/resources/${privateId}` })).statusCode).toBe(404);

    await alice({ method: 'PATCH', url: `/api/v1/resources/${id}`, payload: { visibility: 'private' } });
    expect((await bob({ method: 'GET', url: `/api/v1/resources/${id}` })).statusCode).toBe(404);
  });

  it('takes uploads by what their content is, not what their name says', async () => {
    const upload = (filename: string, bytes: Buffer, fields: Record<string, string> = {}) =>
      alice({ method: 'POST', url: '/api/v1/resources/upload', ...multipart({ filename, bytes, fields }) });

    const markdown = await upload('plan.md', Buffer.from('# Plan\n\nShip it.'), {
      tags: 'work, plans',
      visibility: 'shared',
    });
    expect(markdown.statusCode).toBe(201);
    expect(markdown.json()).toMatchObject({
      kind: 'file',
      mime_type: 'text/markdown',
      filename: 'plan.md',
      tags: ['work', 'plans'],
      visibility: 'shared',
    });

    const png = await upload('pixel.png', onePixelPng);
    expect(png.json()).toMatchObject({ mime_type: 'image/png', size_bytes: onePixelPng.length });
    const bytes = await alice({ method: 'GET', url: `/api/v1/resources/${png.json().id}/content` });
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['content-security-policy']).toContain('sandbox');
    expect(bytes.rawPayload.equals(onePixelPng)).toBe(true);

    const disguised = await upload('report.pdf', onePixelPng);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({ code: 'FILE_TYPE_MISMATCH', field: 'file' });
    const textAsPdf = await upload('report.pdf', Buffer.from('just words'));
    expect(textAsPdf.json().error.code).toBe('FILE_TYPE_MISMATCH');
    const program = await upload(
      'tool.txt',
      Buffer.from(
        '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0002\u0000>\u0000',
        'latin1',
      ),
    );
    expect(program.json().error.code).toMatch(/^(FILE_TYPE_MISMATCH|UNSUPPORTED_FILE_TYPE)$/);
    const binary = await upload('data.bin', Buffer.from([0, 1, 2, 3, 255, 254]));
    expect(binary.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');

    const tooLarge = await upload('big.txt', Buffer.alloc(5_000, 'a'));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('FILE_TOO_LARGE');
    const noFile = await alice({
      method: 'POST',
      url: '/api/v1/resources/upload',
      ...multipart({ fields: { name: 'x' } }),
    });
    expect(noFile.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
    const badMetadata = await upload('a.txt', Buffer.from('a'), { metadata: '{not json' });
    expect(badMetadata.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'metadata' });
  });

  it('makes an uploaded PDF searchable by its text, and readable by extract_pdf_text by id', async () => {
    const pdf = Buffer.from(await makePdf({ pages: [['The quarterly report'], ['Revenue grew in Lisbon']] }));
    const upload = await alice({
      method: 'POST',
      url: '/api/v1/resources/upload',
      ...multipart({ filename: 'report.pdf', bytes: pdf }),
    });
    expect(upload.json()).toMatchObject({ mime_type: 'application/pdf' });
    const found = await alice({ method: 'GET', url: '/api/v1/resources?q=lisbon' });
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([upload.json().id]);

    const extracted = await alice({
      method: 'POST',
      url: '/api/v1/tools/extract_pdf_text',
      payload: { resource_id: upload.json().id, page_range: '2' },
    });
    expect(extracted.json().structured_content).toMatchObject({
      page_count: 2,
      text: 'Revenue grew in Lisbon',
    });
    const asBob = await bob({
      method: 'POST',
      url: '/api/v1/tools/extract_pdf_text',
      payload: { resource_id: upload.json().id },
    });
    expect(asBob.json().structured_content.error_code).toBe('RESOURCE_NOT_FOUND');
    const notPdf = await alice({
      method: 'POST',
      url: '/api/v1/tools/extract_pdf_text',
      payload: { resource_id: (await note({ name: 'n', content: 'c' })).json().id },
    });
    expect(notPdf.json().structured_content).toMatchObject({
      error_code: 'INVALID_INPUT',
      field: 'resource_id',
    });
  });

  it('fetches a web page as readable text, refreshes it into a new version, and refuses private addresses by default', async () => {
    const created = await alice({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'url', url: `${pageBase}/garden` },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({
      kind: 'url',
      name: 'Garden notes',
      mime_type: 'text/html',
      source_url: `${pageBase}/garden`,
    });
    const read = await alice({ method: 'GET', url: `/api/v1/resources/${id}` });
    expect(read.json().text).toContain('Tomatoes need sun.');
    expect(read.json().text).not.toContain('steal');

    const unchanged = await alice({ method: 'POST', url: `/api/v1/resources/${id}/refresh` });
    expect(unchanged.json().version).toBe(1);
    pageBody = '<html><body><p>Tomatoes need sun and water.</p></body></html>';
    const refreshed = await alice({ method: 'POST', url: `/api/v1/resources/${id}/refresh` });
    expect(refreshed.json().version).toBe(2);
    expect((await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions/1` })).json().text).toContain(
      'Tomatoes need sun.',
    );

    const tooBig = await alice({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'url', url: `${pageBase}/huge` },
    });
    expect(tooBig.json().error.code).toBe('URL_TOO_LARGE');
    const gone = await alice({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'url', url: `${pageBase}/missing` },
    });
    expect(gone.json().error).toMatchObject({ code: 'URL_FETCH_FAILED', field: 'url' });
    const noteRefresh = await alice({
      method: 'POST',
      url: `/api/v1/resources/${(await note({ name: 'n', content: 'c' })).json().id}/refresh`,
    });
    expect(noteRefresh.json().error.code).toBe('WRONG_RESOURCE_KIND');

    const guarded = await buildTestApp('embedded');
    try {
      await seedUser(guarded.app, { email: 'carol@example.com' });
      const carol = as(guarded.app, { cookie: await signIn(guarded.app, 'carol@example.com') });
      const refused = await carol({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { kind: 'url', url: `${pageBase}/garden` },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'URL_NOT_ALLOWED', field: 'url' });
    } finally {
      await guarded.close();
    }
  });

  it('counts what you have, by kind, and what is shared with you', async () => {
    const stats = await bob({ method: 'GET', url: '/api/v1/resources/stats' });
    expect(stats.json().mine).toMatchObject({ total: 0, by_kind: { text: 0, file: 0, url: 0 } });
    expect(stats.json().shared_with_me).toBeGreaterThanOrEqual(1);
    const mine = (await alice({ method: 'GET', url: '/api/v1/resources/stats' })).json().mine;
    const listed = await alice({ method: 'GET', url: '/api/v1/resources?scope=mine&limit=100' });
    expect(mine.total).toBe(listed.json().items.length);
    expect(mine.by_kind.text + mine.by_kind.file + mine.by_kind.url).toBe(mine.total);
    expect(mine.versions).toBeGreaterThanOrEqual(3);
  });

  it('deletes a resource with its versions', async () => {
    const { id } = (await note({ name: 'Temporary', content: 'one' })).json();
    await alice({ method: 'PATCH', url: `/api/v1/resources/${id}`, payload: { content: 'two' } });
    expect((await alice({ method: 'DELETE', url: `/api/v1/resources/${id}` })).statusCode).toBe(204);
    expect((await alice({ method: 'GET', url: `/api/v1/resources/${id}` })).statusCode).toBe(404);
    expect((await alice({ method: 'GET', url: `/api/v1/resources/${id}/versions/1` })).statusCode).toBe(404);
  });

  it('says what is wrong with bad input', async () => {
    const noName = await note({ content: 'x' });
    expect(noName.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const badKind = await alice({ method: 'POST', url: '/api/v1/resources', payload: { kind: 'database' } });
    expect(badKind.statusCode).toBe(400);
    const fileUrl = await alice({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'url', url: 'file:///etc/passwd' },
    });
    expect(fileUrl.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'url' });
    const empty = await alice({
      method: 'PATCH',
      url: `/api/v1/resources/${(await note({ name: 'n', content: 'c' })).json().id}`,
      payload: {},
    });
    expect(empty.json().error.code).toBe('INVALID_INPUT');
  });
});
