import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { multipart } from '../helpers/multipart.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** The name a client reads from Content-Disposition: the RFC 5987 `filename*` when there is one. */
function nameIn(header: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return decodeURIComponent(extended ?? '');
}

describe('uploaded file names', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    await seedUser(testApp.app, { email: 'alice@example.com' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
  });
  afterAll(() => testApp.close());

  it.each(['a"b.html', 'my notes (final).txt', 'résumé 2026 – 東京.md', "it's 100% done*.txt"])(
    'keeps %s as it is, and downloads it under that name encoded once',
    async (filename) => {
      const uploaded = await alice({
        method: 'POST',
        url: '/api/v1/resources/upload',
        ...multipart({ filename, bytes: Buffer.from('<p>hello</p>') }),
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json()).toMatchObject({ filename, name: filename });

      const downloaded = await alice({
        method: 'GET',
        url: `/api/v1/resources/${uploaded.json().id}/content`,
      });
      const header = String(downloaded.headers['content-disposition']);
      expect(nameIn(header)).toBe(filename);
      // The fallback for clients that read only `filename=`: quoted ASCII, with nothing to break out of it.
      const fallback = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
      expect(fallback).toMatch(/^[\x20-\x7e]+$/);
      expect(header.match(/"/g)).toHaveLength(2);
    },
  );
});
