import { defineTool, type Tool } from '../../../tools/tool.js';
import { htmlToPlainText } from '../html.js';
import { checkTextSize } from '../text-input.js';
import { lengthsOf, preview } from '../text-output.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  cleanTextInputSchema,
  cleanTextOutputSchema,
  normalizeUnicodeInputSchema,
  normalizeUnicodeOutputSchema,
  removeHtmlTagsInputSchema,
  removeHtmlTagsOutputSchema,
  removeSpecialSymbolsInputSchema,
  removeSpecialSymbolsOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * take time to import, which every server start and CLI command would otherwise pay.
 */

/** The text cleaner's tools. */
export function cleaningTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'clean_text',
      title: 'Clean a text',
      toolset: 'Text cleaning',
      description:
        'Cleans a text: normalizes whitespace (by default) and, if asked, removes web and e-mail addresses, numbers and punctuation and lower-cases it. Returns the cleaned text and how many of each were removed.',
      input: cleanTextInputSchema,
      output: cleanTextOutputSchema,
      readOnly: true,
      async run(_actor, input) {
        checkTextSize(input.text, deps);
        const { cleanText } = await import('./clean-text.js');
        const { text, removed } = cleanText(input.text, {
          removeUrls: input.remove_urls,
          removeEmails: input.remove_emails,
          removeNumbers: input.remove_numbers,
          removePunctuation: input.remove_punctuation,
          toLowercase: input.to_lowercase,
          normalizeWhitespace: input.normalize_whitespace,
        });
        return { method: 'offline:unicode-regex+linkify-it', text, ...lengthsOf(input.text, text), removed };
      },
      summarize: ({ text }) => preview(text),
    }),
    defineTool({
      name: 'normalize_unicode',
      title: 'Normalize Unicode',
      toolset: 'Text cleaning',
      description:
        'Puts a text in a Unicode normalization form (NFC by default), so that the same letters are always the same code points — needed before comparing, searching or deduplicating texts.',
      input: normalizeUnicodeInputSchema,
      output: normalizeUnicodeOutputSchema,
      readOnly: true,
      async run(_actor, { text, form }) {
        const normalized = checkTextSize(text, deps).normalize(form);
        return {
          method: 'offline:unicode-normalization',
          text: normalized,
          form,
          changed: normalized !== text,
          ...lengthsOf(text, normalized),
        };
      },
      summarize: ({ text }) => preview(text),
    }),
    defineTool({
      name: 'remove_special_symbols',
      title: 'Remove special symbols',
      toolset: 'Text cleaning',
      description:
        'Removes symbols — currency, maths, arrows, emoji, ©, # and the like — keeping basic punctuation unless told otherwise, or removes exactly the characters listed in symbols_to_remove. Reports what was removed.',
      input: removeSpecialSymbolsInputSchema,
      output: removeSpecialSymbolsOutputSchema,
      readOnly: true,
      async run(_actor, { text, symbols_to_remove, preserve_basic_punctuation }) {
        checkTextSize(text, deps);
        const { removeSpecialSymbols } = await import('./remove-special-symbols.js');
        const removal = removeSpecialSymbols(text, {
          symbols: symbols_to_remove,
          preserveBasicPunctuation: preserve_basic_punctuation,
        });
        return { method: 'offline:unicode-properties', ...removal, ...lengthsOf(text, removal.text) };
      },
      summarize: ({ text }) => preview(text),
    }),
    defineTool({
      name: 'remove_html_tags',
      title: 'Remove HTML tags',
      toolset: 'Text cleaning',
      description:
        'Turns HTML into plain text: the text of the page with its paragraphs and line breaks, without tags, scripts, styles or images. Links keep their text (and their address if keep_link_urls).',
      input: removeHtmlTagsInputSchema,
      output: removeHtmlTagsOutputSchema,
      readOnly: true,
      async run(_actor, { text, preserve_content, keep_link_urls }) {
        const plain = await htmlToPlainText(checkTextSize(text, deps), { linkUrls: keep_link_urls });
        const result = preserve_content ? plain : plain.replace(/\s+/g, ' ');
        return { method: 'offline:html-to-text', text: result, ...lengthsOf(text, result) };
      },
      summarize: ({ text }) => preview(text),
    }),
  ];
}
