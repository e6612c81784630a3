import retextEnglish from 'retext-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextPassive from 'retext-passive';
import retextRepeatedWords from 'retext-repeated-words';
import retextSimplify from 'retext-simplify';
import retextSpell from 'retext-spell';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { GrammarIssue, IssueCategory } from './grammar-issue.js';
import type { Dialect } from './options.js';
import { rankSpellingSuggestions } from './spelling-suggestions.js';

const categoryOf: Record<string, IssueCategory> = {
  'retext-spell': 'spelling',
  'retext-repeated-words': 'repeated_word',
  'retext-indefinite-article': 'article',
  'retext-passive': 'passive_voice',
  'retext-simplify': 'wordy_phrase',
};

/** Suggestions are looked up for at most this many misspellings per chunk (nspell's are slow). */
const maxSuggestedPerChunk = 40;

const processors = new Map<Dialect, Promise<Processor>>();

/**
 * The retext pipeline (unified's prose checkers): spelling against the Hunspell dictionary of the
 * dialect (nspell), repeated words, "a"/"an", passive voice, and wordy phrases with plainer
 * alternatives. Built once per dialect: loading a dictionary takes a moment. A dictionary is
 * imported when its dialect is first asked for, so a server whose users write one dialect does
 * not read (and keep) the other's 0.5 MB.
 */
function processorFor(dialect: Dialect): Promise<Processor> {
  let processor = processors.get(dialect);
  if (!processor) {
    processor = (dialect === 'en-GB' ? import('dictionary-en-gb') : import('dictionary-en')).then(
      ({ default: dictionary }) =>
        unified()
          .use(retextEnglish)
          .use(retextSpell, { dictionary, max: maxSuggestedPerChunk })
          .use(retextRepeatedWords)
          .use(retextIndefiniteArticle)
          .use(retextPassive)
          .use(retextSimplify)
          .freeze() as unknown as Processor,
    );
    processors.set(dialect, processor);
  }
  return processor;
}

/**
 * The retext findings for one piece of text (offsets relative to it). A capitalised word inside a
 * sentence that the dictionary does not know is taken for a name and left alone.
 */
export async function retextIssues(text: string, dialect: Dialect): Promise<GrammarIssue[]> {
  const processor = await processorFor(dialect);
  // nspell's suggestions for a run of letters this long take memory by the gigabyte (a 70,000-letter
  // "word" ended the process); no word is, so such runs are blanked, keeping every offset.
  const file = new VFile(text.replace(/\p{L}{60,}/gu, (run) => ' '.repeat(run.length)));
  await processor.run(processor.parse(file), file);
  const issues: GrammarIssue[] = [];
  for (const message of file.messages) {
    const category = message.source ? categoryOf[message.source] : undefined;
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
    if (!category || start === undefined || end === undefined) continue;
    const actual = text.slice(start, end);
    const expected = (message.expected ?? []).filter((value): value is string => typeof value === 'string');
    if (category === 'spelling' && isLikelyName(text, start, actual)) continue;
    issues.push(issueFrom({ category, start, end, actual, expected, reason: message.reason }));
  }
  return issues;
}

function isLikelyName(text: string, start: number, word: string): boolean {
  return /^\p{Lu}/u.test(word) && !/(?:^|[.!?]["')\]]*)\s*$/.test(text.slice(Math.max(0, start - 4), start));
}

function issueFrom({
  category,
  start,
  end,
  actual,
  expected,
  reason,
}: {
  category: IssueCategory;
  start: number;
  end: number;
  actual: string;
  expected: string[];
  reason: string;
}): GrammarIssue {
  const base = { category, start, end, text: actual };
  switch (category) {
    case 'spelling': {
      const { ranked, clear } = rankSpellingSuggestions(actual, expected);
      const suggestions = ranked.slice(0, 5).map((suggestion) => matchCase(actual, suggestion));
      return {
        ...base,
        message: suggestions.length
          ? `“${actual}” is not in the dictionary; did you mean “${suggestions[0]}”?`
          : `“${actual}” is not in the dictionary.`,
        suggestions,
        ...(clear && suggestions[0] ? { fix: suggestions[0] } : {}),
      };
    }
    case 'repeated_word': {
      const single = actual.split(/\s+/)[0] ?? actual;
      return { ...base, message: `“${single}” is repeated.`, suggestions: [single], fix: single };
    }
    case 'article': {
      const article = matchCase(actual, expected[0] ?? actual);
      return {
        ...base,
        message: `Use “${article}” here: ${reason.replace(/^Unexpected /, '')}.`,
        suggestions: [article],
        fix: article,
      };
    }
    case 'passive_voice':
      return {
        ...base,
        message: `“${actual}” is in the passive voice; the active voice says who acts and is usually clearer.`,
        suggestions: [],
      };
    default:
      return {
        ...base,
        message: `“${actual}” can be put more plainly: ${expected.map((value) => `“${value}”`).join(' or ')}.`,
        suggestions: expected.map((value) => matchCase(actual, value)),
      };
  }
}

/** The suggestion capitalised like the word it replaces. */
export function matchCase(original: string, suggestion: string): string {
  return /^\p{Lu}/u.test(original) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}
