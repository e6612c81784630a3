import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makePdfBomb } from '../../../../test/helpers/pdf-bomb.js';
import { makePdf } from '../../../../test/text/make-pdf.js';
import { unpacksWithin } from './unpacked-size.js';

const megabyte = 1024 * 1024;

/** A PDF-like file with one stream, its bytes Flate-compressed `times` over. */
function streamFile(content: Buffer, times: number): Buffer {
  let packed = content;
  for (let round = 0; round < times; round++) packed = deflateSync(packed);
  const filters = Array.from({ length: times }, () => '/FlateDecode').join(' ');
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Length ${packed.length} /Filter [${filters}] >>\nstream\n`),
    packed,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
}

describe('unpacksWithin', () => {
  it('passes an ordinary PDF', async () => {
    expect(await unpacksWithin(await makePdf({ pages: [['Some words']] }), megabyte)).toBe(true);
  });

  it('stops a stream of zeros that unpacks past the limit', async () => {
    const bomb = await makePdfBomb(8 * megabyte);
    expect(await unpacksWithin(bomb, 4 * megabyte)).toBe(false);
    expect(await unpacksWithin(bomb, 16 * megabyte)).toBe(true);
  });

  it('counts a stream compressed twice by what it finally unpacks to', async () => {
    const twice = streamFile(Buffer.alloc(8 * megabyte), 2);
    expect(twice.length).toBeLessThan(10_000);
    expect(await unpacksWithin(twice, 4 * megabyte)).toBe(false);
    expect(await unpacksWithin(twice, 16 * megabyte)).toBe(true);
  });
});
