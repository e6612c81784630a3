/** sentencex ships no types; these are the two functions it exports (a native addon per platform). */
declare module 'sentencex' {
  /** Splits `text` into sentences by the rules for `language` (ISO 639-1); the pieces tile the text. */
  export function segment(language: string, text: string): string[];
}
