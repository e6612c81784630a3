import { constants, createInflate, type Inflate } from 'node:zlib';

const streamKeyword = Buffer.from('stream');
const endKeyword = Buffer.from('endstream');
/** How far back from `stream` the stream's dictionary is looked for. */
const dictionaryReach = 4096;
/** Flate filters applied in a row that are unpacked; more than this is no real PDF. */
const maxChainedFilters = 4;

/**
 * Whether the Flate-compressed streams of a PDF unpack to at most `limit` bytes together, found
 * by unpacking them and counting (each stream chunk by chunk and thrown away, so memory stays
 * small): false as soon as the count passes the limit. A PDF bomb (a small file whose stream of
 * zeros inflates to gigabytes) is caught here before pdf.js holds it in memory. Streams that do
 * not unpack cleanly count as far as they go; reading them is pdf.js's business.
 */
export async function unpacksWithin(data: Uint8Array, limit: number): Promise<boolean> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let budget = limit;
  for (const stream of flateStreams(bytes)) {
    const unpacked = await unpackedLength(stream.content, stream.filters, budget);
    budget -= unpacked;
    if (budget < 0) return false;
  }
  return true;
}

/** Each stream's bytes and how many Flate filters it names, found by the `stream`/`endstream` keywords. */
function* flateStreams(bytes: Buffer): Generator<{ content: Buffer; filters: number }> {
  let from = 0;
  for (;;) {
    const keyword = bytes.indexOf(streamKeyword, from);
    if (keyword < 0) return;
    from = keyword + streamKeyword.length;
    if (keyword >= 3 && bytes.toString('latin1', keyword - 3, keyword) === 'end') continue;
    const lineEnd = bytes[from] === 0x0d && bytes[from + 1] === 0x0a ? 2 : bytes[from] === 0x0a ? 1 : 0;
    if (lineEnd === 0) continue;
    const start = from + lineEnd;
    const objectStart = bytes.lastIndexOf('obj', keyword);
    const dictionary = bytes.toString('latin1', Math.max(objectStart, keyword - dictionaryReach, 0), keyword);
    const filters = Math.min(dictionary.match(/\/FlateDecode\b|\/Fl\b/g)?.length ?? 0, maxChainedFilters);
    const end = bytes.indexOf(endKeyword, start);
    const stop = end < 0 ? bytes.length : end;
    from = stop;
    if (filters > 0) yield { content: bytes.subarray(start, stop), filters };
  }
}

/** The bytes `content` unpacks to through `filters` Flate stages, counted up to just past `budget`. */
function unpackedLength(content: Buffer, filters: number, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const stages: Inflate[] = Array.from({ length: filters }, () =>
      createInflate({ chunkSize: 64 * 1024, finishFlush: constants.Z_SYNC_FLUSH }),
    );
    let counted = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      for (const stage of stages) stage.destroy();
      resolve(counted);
    };
    for (const [index, stage] of stages.entries()) {
      // A damaged stream ends the count where it broke.
      stage.on('error', finish);
      const next = stages[index + 1];
      if (next) stage.pipe(next);
    }
    const last = stages[stages.length - 1] as Inflate;
    last.on('data', (chunk: Buffer) => {
      counted += chunk.length;
      if (counted > budget) finish();
    });
    last.on('end', finish);
    (stages[0] as Inflate).end(content);
  });
}
