import { once } from 'node:events';
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';

/**
 * A one-page PDF whose content stream is `unpackedBytes` zeros, Flate-compressed (about a
 * thousandth of that on disk): a decompression bomb. The zeros are deflated a megabyte at a time,
 * so making it holds only the compressed bytes in memory.
 */
export async function makePdfBomb(unpackedBytes: number): Promise<Buffer> {
  const zeros = Buffer.alloc(1024 * 1024);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = once(deflate, 'end');
  for (let written = 0; written < unpackedBytes; written += zeros.length)
    if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await ended;
  const document = await PDFDocument.create();
  const page = document.addPage();
  const contents = document.context.stream(Buffer.concat(parts), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), document.context.register(contents));
  return Buffer.from(await document.save());
}
