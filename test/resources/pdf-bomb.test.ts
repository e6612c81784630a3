import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { multipart } from '../helpers/multipart.js';
import { makePdfBomb } from '../helpers/pdf-bomb.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const megabyte = 1024 * 1024;

/** Resident memory after a garbage collection where the test runs with --expose-gc. */
function residentBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

describe('a PDF bomb uploaded', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bomb: Buffer;

  beforeAll(async () => {
    // 512 MB of zeros in a PDF of about half a megabyte; the default limit is 256 MB unpacked.
    bomb = await makePdfBomb(512 * megabyte);
    testApp = await buildTestApp('embedded');
    await seedUser(testApp.app, { email: 'alice@example.com' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('is refused with 422 EXTRACTION_LIMIT, stores nothing, and keeps other requests answering', async () => {
    expect(bomb.length).toBeLessThan(megabyte);
    const probe = () =>
      Promise.all([alice({ method: 'GET', url: '/readyz' }), alice({ method: 'GET', url: '/api/v1/tasks' })]);
    await probe(); // the first answers of a fresh app compile their routes; they are not what is measured
    const before = residentBytes();
    let uploading = true;
    const uploadStarted = performance.now();
    const upload = alice({
      method: 'POST',
      url: '/api/v1/resources/upload',
      ...multipart({ filename: 'bomb.pdf', bytes: bomb }),
    }).finally(() => {
      uploading = false;
    });
    const latencies: number[] = [];
    while (uploading) {
      const started = performance.now();
      const [ready, tasks] = await probe();
      latencies.push(performance.now() - started);
      expect([ready.statusCode, tasks.statusCode]).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const response = await upload;
    const uploadMs = performance.now() - uploadStarted;
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'EXTRACTION_LIMIT',
      field: 'file',
      message: expect.stringContaining('EXTRACT_MAX_UNPACKED_BYTES'),
    });
    // Unpacked on the event loop, the upload would hold every probe until it ended: one or two
    // probes, each as slow as the upload. Off the loop, many answer, each in a fraction of it.
    // (Compared with the upload's own time, not a fixed number of milliseconds, so a busy machine
    // slows both sides alike.)
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...latencies)).toBeLessThan(uploadMs / 3);

    const listed = await alice({ method: 'GET', url: '/api/v1/resources' });
    expect(listed.json().items).toEqual([]);
    // The worker that unpacked it is gone and took its memory with it.
    expect(residentBytes()).toBeLessThan(before + 100 * megabyte);
  });

  it('is refused by extract_pdf_text with the same code', async () => {
    const response = await alice({
      method: 'POST',
      url: '/api/v1/tools/extract_pdf_text',
      payload: { pdf_content: bomb.toString('base64') },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'EXTRACTION_LIMIT', field: 'pdf_content' },
    });
  });
});
