/** Words written in capitals wherever they appear in a name. */
const acronyms: Record<string, string> = {
  api: 'API',
  csv: 'CSV',
  html: 'HTML',
  http: 'HTTP',
  id: 'ID',
  ids: 'IDs',
  ip: 'IP',
  iso: 'ISO',
  json: 'JSON',
  mcp: 'MCP',
  ocr: 'OCR',
  pdf: 'PDF',
  sql: 'SQL',
  uri: 'URI',
  url: 'URL',
  urls: 'URLs',
  utc: 'UTC',
  wpm: 'WPM',
};

/** Names that are one standard's spelling, not words and a number. */
const spelled: Record<string, string> = {
  utf8: 'UTF-8',
  utf16: 'UTF-16',
  sha256: 'SHA-256',
  base64: 'Base64',
};

/**
 * A readable label from a field or key name, in sentence case: `due_date` → "Due date", `taskId`
 * → "Task ID", `url` → "URL", `iso639_1` → "ISO 639-1" (a number after a number is joined by a
 * hyphen, as standards are written), `max_sentences` → "Max sentences".
 */
export function humanize(name: string): string {
  const tokens = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .flatMap(
      (token) => spelled[token.toLowerCase()] ?? token.split(/(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/),
    );
  const words: string[] = [];
  for (const token of tokens) {
    const previous = words.at(-1);
    if (previous !== undefined && /^\d+$/.test(token) && /\d$/.test(previous)) {
      words[words.length - 1] = `${previous}-${token}`;
      continue;
    }
    const lower = token.toLowerCase();
    words.push(acronyms[lower] ?? (Object.values(spelled).includes(token) ? token : lower));
  }
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
