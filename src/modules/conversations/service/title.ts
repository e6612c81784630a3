const longest = 60;

/**
 * A title from the first user message: its first line, whitespace collapsed, cut to about 60
 * characters at a word boundary (with an ellipsis when cut). Empty when there is no text.
 */
export function titleFrom(text: string): string {
  const line =
    text
      .split('\n')
      .map((candidate) => candidate.trim())
      .find(Boolean) ?? '';
  const words = line.replaceAll(/\s+/g, ' ');
  if (words.length <= longest) return words;
  const cut = words.slice(0, longest + 1);
  const boundary = cut.lastIndexOf(' ');
  const kept = boundary > longest / 2 ? cut.slice(0, boundary) : words.slice(0, longest);
  return `${kept.replace(/[\s,.;:!?-]+$/, '')}…`;
}
