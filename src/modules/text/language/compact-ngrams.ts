/**
 * ELD's n-gram database, held compactly. ELD ships it as a 2 MB JavaScript object literal
 * (`{ngrams: {' abc ': {11: 52, 17: 60}, …}}`, 105,000 n-grams for the medium size): imported as
 * a module, V8 holds it as 105,000 small objects, 58 MB of live heap, and compiling it peaks the
 * process at about 90 MB more that the process keeps. Here the file is read as text and scanned
 * once into one Map from n-gram to offset and two byte arrays (languages and scores): about
 * 10 MB, the same numbers, and ELD reads it through a Proxy that builds the small object it
 * expects for the n-grams a text has (a few hundred per detection).
 */

/** The database in the shape ELD's `loadData` takes. */
export interface NgramsData {
  type: string;
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number> | undefined>;
}

/** Reads ELD's ngrams file (`export const ngramsData = {type:'M60',languages:{…},…,ngrams:{…}}`). */
export function readNgramsFile(source: string): NgramsData {
  const start = source.indexOf('ngrams:{');
  if (start < 0) throw new Error('Not an ELD ngrams file: no ngrams');
  const header = source.slice(0, start);
  const type = /type:'([^']+)'/.exec(header)?.[1];
  const languageList = /languages:\{([^}]*)\}/.exec(header)?.[1];
  if (!type || languageList === undefined) throw new Error('Not an ELD ngrams file: no type or languages');
  const languages: Record<number, string> = {};
  for (const match of languageList.matchAll(/(\d+):'([^']*)'/g)) languages[Number(match[1])] = match[2] ?? '';
  return { type, languages, ngrams: compactNgrams(source, start + 'ngrams:{'.length) };
}

/**
 * Scans `key:{lang:score,…},…}` from `position`: keys are 'quoted' (a quote inside as \') or bare;
 * languages and scores are small integers (each fits a byte).
 */
function compactNgrams(source: string, position: number): NgramsData['ngrams'] {
  const offsets = new Map<string, number>();
  const counts: number[] = [];
  let languages = new Uint8Array(1 << 16);
  let scores = new Uint8Array(1 << 16);
  let used = 0;
  let at = position;
  const fail = (what: string): never => {
    throw new Error(`Not an ELD ngrams file: ${what} at ${at}`);
  };
  const integer = (): number => {
    let value = 0;
    const from = at;
    for (let code = source.charCodeAt(at); code >= 48 && code <= 57; code = source.charCodeAt(++at))
      value = value * 10 + code - 48;
    if (at === from || value > 255) fail('a small integer expected');
    return value;
  };
  while (source[at] !== '}') {
    let key = '';
    if (source[at] === "'") {
      at += 1;
      for (let from = at; ; at += 1) {
        if (at >= source.length) fail('an unterminated key');
        if (source[at] === '\\') {
          key += source.slice(from, at) + (source[at + 1] ?? '');
          at += 1;
          from = at + 1;
        } else if (source[at] === "'") {
          key += source.slice(from, at);
          at += 1;
          break;
        }
      }
    } else {
      const end = source.indexOf(':', at);
      if (end < 0) fail('a key expected');
      key = source.slice(at, end);
      at = end;
    }
    if (source[at] !== ':' || source[at + 1] !== '{') fail('":{" expected');
    at += 2;
    const offset = used;
    while (source[at] !== '}') {
      if (used === languages.length) {
        languages = grown(languages);
        scores = grown(scores);
      }
      languages[used] = integer();
      if (source[at] !== ':') fail('":" expected');
      at += 1;
      scores[used] = integer();
      used += 1;
      if (source[at] === ',') at += 1;
    }
    at += 1; // the entry's }
    offsets.set(key, counts.length);
    counts.push(offset, used - offset);
    if (source[at] === ',') at += 1;
  }
  const spans = Uint32Array.from(counts);
  const languageBytes = languages.slice(0, used);
  const scoreBytes = scores.slice(0, used);
  const entry = (key: string): Record<number, number> | undefined => {
    const index = offsets.get(key);
    if (index === undefined) return undefined;
    const from = spans[index] ?? 0;
    const to = from + (spans[index + 1] ?? 0);
    const scoresByLanguage: Record<number, number> = {};
    for (let i = from; i < to; i += 1) scoresByLanguage[languageBytes[i] ?? 0] = scoreBytes[i] ?? 0;
    return scoresByLanguage;
  };
  return new Proxy({} as NgramsData['ngrams'], {
    get: (_target, key) => (typeof key === 'string' ? entry(key) : undefined),
    has: (_target, key) => typeof key === 'string' && offsets.has(key),
  });
}

function grown(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const larger = new Uint8Array(bytes.length * 2);
  larger.set(bytes);
  return larger;
}
