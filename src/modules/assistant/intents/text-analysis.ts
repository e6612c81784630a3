import type { Intent } from './intent.js';
import { textIntent } from './text-intent.js';

const sentimentTargets: Record<string, string> = {
  positive: 'positive',
  happier: 'positive',
  friendlier: 'positive',
  nicer: 'positive',
  negative: 'negative',
  neutral: 'neutral',
};

/** The analysis, language, sentiment and grammar tools in plain English. */
export const textAnalysisIntents: Intent[] = [
  textIntent({
    name: 'which languages are in this',
    toolName: 'detect_multiple_languages',
    commands: [
      /(?:what|which) languages (?:are|is) (?:used|spoken|written|mixed)?(?:\s*in)?/,
      /detect (?:the |all )?languages/,
    ],
  }),
  textIntent({
    name: 'what language is this',
    toolName: 'detect_language',
    commands: [
      /(?:what|which) language is(?: (?:this|that|it))?(?: written)?(?: in)?/,
      /(?:detect|identify|guess|tell me) (?:the )?language/,
      /(?:what|which) language/,
    ],
  }),
  textIntent({
    name: 'make this more positive',
    toolName: 'transform_sentiment',
    commands: [
      /(?:make|rewrite|rephrase|turn)(?: this| it)?(?: text)?(?: sound)?(?: more)? (?<tone>positive|negative|neutral|happier|friendlier|nicer)(?:ly)?/,
    ],
    options: ({ tone }) => ({ target_sentiment: sentimentTargets[tone?.toLowerCase() ?? ''] ?? 'positive' }),
  }),
  textIntent({
    name: 'sentiment of',
    toolName: 'analyze_sentiment',
    commands: [
      /(?:is|does) (?:this|that|it)(?: text| message)?(?: sound)? (?:positive|negative|neutral)(?: or (?:positive|negative|neutral))*/,
      /(?:what(?:'s|’s| is) the )?(?:sentiment|tone|mood)/,
      /analy[sz]e (?:the )?(?:sentiment|tone|mood)/,
      /how (?:positive|negative|happy|angry) is/,
      /how does (?:this|it) sound/,
    ],
    options: () => ({ detail_level: 'standard' }),
  }),
  textIntent({
    name: 'suggest improvements for',
    toolName: 'suggest_improvements',
    commands: [
      /(?:how (?:can|could|do|should) i|help me) improve/,
      /suggest(?:ions)?(?: some)? improvements?/,
      /(?:give me )?(?:writing )?feedback/,
    ],
    strictCommands: [/improve(?: my writing| the writing)?/],
  }),
  textIntent({
    name: 'check the grammar of',
    toolName: 'check_grammar',
    commands: [
      /(?:check|fix|correct) (?:the )?(?:grammar|spelling|typos|mistakes)(?: and (?:grammar|spelling|typos|style))?/,
      /(?:proofread|spell-?check|grammar-?check)/,
      /(?:are there|any) (?:grammar |spelling )?(?:mistakes|errors|typos)/,
    ],
    strictCommands: [/correct/],
  }),
  textIntent({
    name: 'how readable is this',
    toolName: 'analyze_readability',
    takesUrl: true,
    commands: [
      /how (?:readable|easy to read|hard to read|easy|hard) is(?: (?:this|it))?/,
      /(?:the )?readability(?: score| scores)?/,
      /(?:what(?:'s|’s| is) the )?(?:reading|grade) (?:level|ease|grade)/,
    ],
  }),
  textIntent({
    name: 'how complex is this',
    toolName: 'text_complexity_analysis',
    takesUrl: true,
    commands: [/how (?:complex|complicated|difficult|dense) is/, /(?:the )?(?:text |lexical )?complexity/],
  }),
  textIntent({
    name: 'word frequency of',
    toolName: 'word_frequency_analysis',
    takesUrl: true,
    commands: [
      /(?:the )?word frequenc(?:y|ies)/,
      /(?:what are )?(?:the )?(?:most|top) (?:common|frequent|used|repeated) words/,
      /which words (?:are used|come up|appear) (?:most|the most)(?: often)?/,
    ],
  }),
  textIntent({
    name: 'analyze this text',
    toolName: 'analyze_text_basic',
    takesUrl: true,
    commands: [
      /(?:count|how many) (?:the )?(?:words|characters|sentences|paragraphs)(?: are there)?/,
      /(?:word|character) count/,
      /(?:text )?(?:statistics|stats)/,
      /analy[sz]e (?:this|the) text/,
    ],
    strictCommands: [/analy[sz]e/],
  }),
];
