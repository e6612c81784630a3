import { splitSentences } from '../segment.js';
import { type ChunkContext, workInChunks } from '../work-in-chunks.js';
import { describeLanguage } from './detect-language.js';
import { loadDetector, scoreLanguages } from './detector.js';
import type { Language } from './language-names.js';

/** A run of consecutive sentences in one language (or in none ELD could reliably tell: `language: null`). */
export interface LanguageSegment {
  language: Language | null;
  start: number;
  end: number;
  sentences: number;
  excerpt: string;
}

export interface LanguageShare extends Language {
  characters: number;
  /** Of the characters whose language was told. */
  share: number;
  sentences: number;
}

export interface LanguageMix {
  languages: LanguageShare[];
  segments: LanguageSegment[];
  segments_total: number;
  sentences: number;
  undetermined_characters: number;
}

const excerptLength = 120;

/**
 * The languages of a text sentence by sentence: ELD judges each sentence; a sentence it cannot
 * reliably tell (too short, too mixed) counts for no language. Consecutive sentences in the same
 * language form one segment; languages are ranked by the characters written in them.
 */
export async function detectLanguagesBySentence({
  text,
  maxLanguages,
  maxSegments,
  candidates,
  context,
}: {
  text: string;
  maxLanguages: number;
  maxSegments: number;
  candidates?: readonly string[];
  context: ChunkContext;
}): Promise<LanguageMix> {
  const detector = await loadDetector();
  const sentences = await splitSentences(text, { language: 'und', signal: context.signal });
  const judged = await workInChunks({
    items: sentences,
    context,
    work: (sentence) => {
      const { scores, reliable } = scoreLanguages(detector, sentence.text, candidates);
      return { ...sentence, code: reliable ? (scores[0]?.code ?? null) : null };
    },
  });

  const runs: { code: string | null; start: number; end: number; sentences: number }[] = [];
  const shares = new Map<string, { characters: number; sentences: number }>();
  let undetermined = 0;
  for (const sentence of judged) {
    const last = runs.at(-1);
    if (last && last.code === sentence.code) {
      last.end = sentence.end;
      last.sentences++;
    } else runs.push({ code: sentence.code, start: sentence.start, end: sentence.end, sentences: 1 });
    const characters = sentence.end - sentence.start;
    if (sentence.code === null) undetermined += characters;
    else {
      const share = shares.get(sentence.code) ?? { characters: 0, sentences: 0 };
      shares.set(sentence.code, {
        characters: share.characters + characters,
        sentences: share.sentences + 1,
      });
    }
  }

  const determined = [...shares.values()].reduce((sum, share) => sum + share.characters, 0);
  return {
    languages: [...shares]
      .map(([code, share]) => ({ ...describeLanguage(code), ...share, share: share.characters / determined }))
      .sort((left, right) => right.characters - left.characters)
      .slice(0, maxLanguages),
    segments: runs.slice(0, maxSegments).map((run) => ({
      language: run.code === null ? null : describeLanguage(run.code),
      start: run.start,
      end: run.end,
      sentences: run.sentences,
      excerpt: excerpt(text.slice(run.start, run.end)),
    })),
    segments_total: runs.length,
    sentences: sentences.length,
    undetermined_characters: undetermined,
  };
}

function excerpt(text: string): string {
  return text.length <= excerptLength ? text : `${text.slice(0, excerptLength - 1)}…`;
}
