/** Escapes LIKE's wildcards (`%`, `_`) and its escape character, so the text matches only itself. */
export function escapeLike(text: string): string {
  return text.replaceAll(/[%_\\]/g, (character) => `\\${character}`);
}
