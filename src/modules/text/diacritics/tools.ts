import { defineTool, type Tool } from '../../../tools/tool.js';
import { checkTextSize } from '../text-input.js';
import { lengthsOf, preview } from '../text-output.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  normalizeTextInputSchema,
  normalizeTextOutputSchema,
  removeDiacriticsInputSchema,
  removeDiacriticsOutputSchema,
  transliterateTextInputSchema,
  transliterateTextOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * take time to import, which every server start and CLI command would otherwise pay.
 */

const changesListed = 50;
const isAscii = (character: string) => (character.codePointAt(0) ?? 0) < 0x80;

/** The diacritic remover's tools. */
export function diacriticTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'remove_diacritics',
      title: 'Remove diacritics',
      toolset: 'Diacritics',
      description:
        'Removes accents and other diacritics (é → e, ş → s, ü → u). Method unicode keeps every other character; method unidecode makes the whole text ASCII (ø → o, ß → ss, other scripts spelt in Latin letters). Lists what changed.',
      input: removeDiacriticsInputSchema,
      output: removeDiacriticsOutputSchema,
      readOnly: true,
      async run(_actor, { text, method, preserve_case }) {
        checkTextSize(text, deps);
        const { characterChanges, stripDiacritics, toAscii } = await import('./remove-diacritics.js');
        const convert = method === 'unicode' ? stripDiacritics : (part: string) => toAscii(part);
        const converted = convert(text);
        const result = preserve_case ? converted : converted.toLowerCase();
        const changes = characterChanges(text, convert);
        return {
          method: method === 'unicode' ? 'offline:unicode-nfd' : 'offline:transliteration',
          text: result,
          ...lengthsOf(text, result),
          changes: changes.slice(0, changesListed),
          changed_characters: changes.reduce((sum, change) => sum + change.count, 0),
        };
      },
      summarize: ({ text }) => preview(text),
    }),
    defineTool({
      name: 'transliterate_text',
      title: 'Transliterate into Latin letters',
      toolset: 'Diacritics',
      description:
        'Spells a text of any script in Latin letters (ASCII): Москва → Moskva, Ελληνικά → Ellinika, 北京 → BeiJing, Łódź → Lodz. Lists the characters that were changed and those with no Latin spelling.',
      input: transliterateTextInputSchema,
      output: transliterateTextOutputSchema,
      readOnly: true,
      async run(_actor, { text, preserve_spacing }) {
        checkTextSize(text, deps);
        const { characterChanges, toAscii } = await import('./remove-diacritics.js');
        const options = { separateChineseSyllables: !preserve_spacing };
        const result = toAscii(text, options);
        const changes = characterChanges(text, (character) => toAscii(character, options));
        return {
          method: 'offline:transliteration',
          text: result,
          ...lengthsOf(text, result),
          changes: changes.slice(0, changesListed),
          transliterated_characters: changes.reduce((sum, change) => sum + change.count, 0),
          dropped_characters: changes
            .filter((change) => change.to === '' && !isAscii(change.from))
            .map((change) => change.from),
        };
      },
      summarize: ({ text }) => preview(text),
    }),
    defineTool({
      name: 'normalize_text',
      title: 'Normalize a text',
      toolset: 'Diacritics',
      description:
        'Puts a text in a canonical form for comparing or matching: compatibility characters folded (NFKC), diacritics removed and lower-cased (both by default), whitespace collapsed, and spaces replaced by "_" or another string if asked.',
      input: normalizeTextInputSchema,
      output: normalizeTextOutputSchema,
      readOnly: true,
      async run(_actor, { text, remove_diacritics, to_lowercase, replace_spaces }) {
        checkTextSize(text, deps);
        const { normalizeText } = await import('./normalize-text.js');
        const normalized = normalizeText(text, {
          removeDiacritics: remove_diacritics,
          toLowercase: to_lowercase,
          spaceReplacement:
            replace_spaces === true ? '_' : replace_spaces === false ? undefined : replace_spaces,
        });
        return { method: 'offline:unicode-nfkc', ...normalized, ...lengthsOf(text, normalized.text) };
      },
      summarize: ({ text }) => preview(text),
    }),
  ];
}
