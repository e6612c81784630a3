import type { DocumentKind } from './document-api';

/** "12 KB", "3.4 MB": a size in bytes as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const kindLabels: Record<DocumentKind, string> = { text: 'Note', file: 'File', url: 'Web page' };

/** Splits a search snippet into plain and matched parts (the API marks matches «like this»). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  return snippet
    .split(/(«[^»]*»)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('«') && part.endsWith('»')
        ? { text: part.slice(1, -1), match: true }
        : { text: part, match: false },
    );
}
