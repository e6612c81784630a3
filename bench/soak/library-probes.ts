import { sampleText } from './sample-text.js';

/**
 * One thing the server loads on first use, measured on its own: `code` is the body of an ES module
 * run by plain `node` against the compiled server (`dist`), after the server's own code and the
 * text tools' list are loaded (so what they share is not counted). It may use `dist` (the
 * directory's file URL as a string), `tools` (the text tools by name) and `callTool(name, input)`.
 */
export interface LibraryProbe {
  name: string;
  /** What it mostly is, for the table. */
  mostly: string;
  code: string;
}

const text = JSON.stringify(sampleText);
const tool = (name: string, input: string) => `await callTool(${JSON.stringify(name)}, ${input});`;

export const libraryProbes: LibraryProbe[] = [
  {
    name: 'detect_language',
    mostly: 'eld (its n-gram table), iso-639-3, CLDR sentence rules',
    code: tool('detect_language', `{ text: ${text} }`),
  },
  { name: 'eld/extrasmall', mostly: 'the n-gram table alone', code: eldCode('extrasmall') },
  { name: 'eld/small', mostly: 'the n-gram table alone', code: eldCode('small') },
  { name: 'eld/medium', mostly: 'the n-gram table alone', code: eldCode('medium') },
  { name: 'eld/large', mostly: 'the n-gram table alone', code: eldCode('large') },
  {
    name: 'analyze_sentiment',
    mostly: 'sentiment (AFINN), language detection for the language check',
    code: tool('analyze_sentiment', `{ text: ${text} }`),
  },
  {
    name: 'check_grammar (en-US)',
    mostly: 'nspell + dictionary-en, retext, SUBTLEX frequencies',
    code: tool('check_grammar', `{ text: ${text} }`),
  },
  {
    name: 'check_grammar (en-US, then en-GB)',
    mostly: 'a second Hunspell dictionary',
    code: `${tool('check_grammar', `{ text: ${text} }`)}\n${tool('check_grammar', `{ text: ${text}, dialect: 'en-GB' }`)}`,
  },
  {
    name: 'summarize_text',
    mostly: 'compromise, stopword, stemmer, CLDR sentence rules',
    code: tool('summarize_text', `{ text: ${text} }`),
  },
  {
    name: 'detect_sensitive_info',
    mostly: 'libphonenumber-js/max, validator, compromise',
    code: tool('detect_sensitive_info', `{ text: ${text} }`),
  },
  {
    name: 'analyze_readability',
    mostly: 'syllable, dale-chall, spache word lists',
    code: tool('analyze_readability', `{ text: ${text} }`),
  },
  {
    name: 'the assistant (its warm-up)',
    mostly: 'compromise, chrono-node, stopword',
    code: `const { loadLibraries } = await import(dist + '/modules/assistant/libraries.js');
const { nlp, chrono } = await loadLibraries();
nlp('Add a task to buy milk tomorrow at 5').terms().json();
chrono.parse('next Friday at 5pm', new Date());`,
  },
  {
    name: 'gpt-tokenizer',
    mostly: 'the o200k BPE table (for real models only)',
    code: `const { countTokens } = await import('gpt-tokenizer'); countTokens('warm up');`,
  },
  {
    name: 'compromise',
    mostly: 'its lexicon',
    code: `const { default: nlp } = await import('compromise'); nlp('Add a task to buy milk tomorrow at 5').terms().json();`,
  },
  {
    name: 'chrono-node',
    mostly: 'its parsers',
    code: `const chrono = await import('chrono-node'); chrono.parse('next Friday at 5pm', new Date());`,
  },
  {
    name: 'every tool above, then the assistant',
    mostly: 'all of it in one process (what a soak holds)',
    code: [
      tool('summarize_text', `{ text: ${text} }`),
      tool('analyze_sentiment', `{ text: ${text} }`),
      tool('detect_language', `{ text: ${text} }`),
      tool('check_grammar', `{ text: ${text} }`),
      tool('detect_sensitive_info', `{ text: ${text} }`),
      tool('analyze_readability', `{ text: ${text} }`),
      `const { loadLibraries } = await import(dist + '/modules/assistant/libraries.js');
const { nlp, chrono } = await loadLibraries();
nlp('Add a task to buy milk tomorrow at 5').terms().json();
chrono.parse('next Friday at 5pm', new Date());`,
    ].join('\n'),
  },
];

function eldCode(size: string): string {
  return `const { eld } = await import('eld/${size}'); eld.detect('Bonjour tout le monde, comment allez-vous ?');`;
}
