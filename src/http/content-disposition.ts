/** Characters RFC 5987's attr-char excludes that encodeURIComponent leaves as they are. */
const unsafeForExtValue = /['()*]/g;

/**
 * A Content-Disposition header for a file of this name (RFC 6266): the real name once encoded as
 * `filename*=UTF-8''…` (RFC 5987), and a plain ASCII `filename="…"` for clients that read only that
 * (accents dropped; quotes, backslashes, percent signs and anything else outside printable ASCII
 * become `_`).
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = filename
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    unsafeForExtValue,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
