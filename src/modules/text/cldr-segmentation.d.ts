/** cldr-segmentation (a CommonJS bundle) ships no types; this is the part of its API the text tools use. */
declare module 'cldr-segmentation' {
  /** CLDR's lists of abbreviations after which a full stop does not end a sentence. */
  export interface Suppressions {
    /** The abbreviations it was built from. */
    readonly list: string[];
    shouldBreak(cursor: unknown): boolean;
  }

  const cldrSegmentation: {
    /** Per language (de, en, es, fr, it, pt, ru, tr) and `all` of them together. */
    suppressions: Record<string, Suppressions | undefined>;
    /** Builds the lists' tries (forwards and backwards) from abbreviations. */
    Suppressions: { create(list: string[]): Suppressions };
    /** Splits a text into sentences by Unicode's rules (UAX #29); the pieces tile the text. */
    sentenceSplit(text: string, suppressions?: Suppressions): string[];
  };
  export default cldrSegmentation;
}
