import type { Intent } from './intent.js';
import { textIntent } from './text-intent.js';

const summaryTypes: Record<string, string> = {
  bullet: 'bullet_points',
  bullets: 'bullet_points',
  insights: 'key_insights',
};
const summaryLengths: Record<string, string> = {
  short: 'short',
  brief: 'short',
  quick: 'short',
  briefly: 'short',
  long: 'long',
  detailed: 'long',
  full: 'long',
};

/** The summarizer, anonymizer, cleaning and diacritics tools in plain English. */
export const textRewriteIntents: Intent[] = [
  textIntent({
    name: 'key points of',
    toolName: 'extract_key_points',
    takesUrl: true,
    commands: [
      /(?:what are |give me |list |extract )?(?:the )?(?:key|main|important) (?:points|takeaways|ideas|sentences)/,
      /(?:the )?takeaways/,
    ],
  }),
  textIntent({
    name: 'headlines for',
    toolName: 'generate_headlines',
    takesUrl: true,
    commands: [
      /(?:suggest|give me|write|generate|make|propose)(?: me)?(?: a| some| a few)? (?:headlines?|titles?)/,
    ],
    strictCommands: [/(?:headlines?|titles?)/],
  }),
  textIntent({
    name: 'summarize this',
    toolName: 'summarize_text',
    takesUrl: true,
    commands: [
      /(?:give me |write |make )?(?:an? )?(?<length>short|brief|quick|long|detailed|full)? ?(?:summary|gist|recap|overview)/,
      /(?:summari[sz]e|sum up|recap)(?: (?<length2>briefly))?(?: in (?<style>bullet) points| as (?<style2>bullets)| as key (?<style3>insights))?/,
      /tl;? ?dr|tldr/,
      /what(?:'s|’s| is) (?:the )?(?:gist|summary)/,
    ],
    options: ({ length, length2, style, style2, style3 }) => {
      const summaryType = summaryTypes[(style ?? style2 ?? style3 ?? '').toLowerCase()];
      const size = summaryLengths[(length ?? length2 ?? '').toLowerCase()];
      return { ...(summaryType ? { summary_type: summaryType } : {}), ...(size ? { length: size } : {}) };
    },
  }),
  textIntent({
    name: 'pseudonymize this',
    toolName: 'smart_anonymize',
    commands: [
      /pseudonymi[sz]e/,
      /anonymi[sz]e(?: this| it)?(?: text)?,? (?:but |and )?keep(?:ing)? it readable/,
      /replace (?:the )?(?:names|people) with (?:fake|made-up) (?:ones|names)(?: in)?/,
    ],
  }),
  textIntent({
    name: 'anonymize this',
    toolName: 'anonymize_text',
    commands: [
      /anonymi[sz]e|redact|scrub/,
      /(?:remove|hide|mask) (?:the |all )?(?:personal|sensitive|private) (?:info|information|data|details)/,
    ],
  }),
  textIntent({
    name: 'find personal info in',
    toolName: 'detect_sensitive_info',
    commands: [
      /(?:find|detect|spot|list) (?:the |any |all )?(?:personal|sensitive|private|personally identifiable) (?:info|information|data|details)/,
      /(?:is|are) there (?:any )?(?:personal|sensitive|private) (?:info|information|data|details)/,
      /(?:detect|find) (?:the )?pii|pii/,
      /does (?:this|it) contain (?:any )?(?:personal|sensitive|private) (?:info|information|data|details)/,
    ],
  }),
  textIntent({
    name: 'strip the HTML from',
    toolName: 'remove_html_tags',
    commands: [
      /(?:strip|remove|drop) (?:the |all )?html(?: tags)?/,
      /(?:convert |turn )?(?:this )?html (?:in)?to (?:plain )?text/,
    ],
  }),
  textIntent({
    name: 'remove accents from',
    toolName: 'remove_diacritics',
    commands: [
      /(?:remove|strip|drop|take out) (?:the |all )?(?:accents|diacritics|accent marks)/,
      /(?:write|spell) (?:this|it) without (?:accents|diacritics)/,
      /(?:de|un)accent/,
    ],
  }),
  textIntent({
    name: 'transliterate',
    toolName: 'transliterate_text',
    commands: [
      /transliterate/,
      /(?:write|spell|convert|put) (?:this|it) (?:in|to|into) (?:latin|roman|english)(?: letters| script| alphabet| characters)?/,
      /romani[sz]e/,
    ],
  }),
  textIntent({
    name: 'normalize the unicode of',
    toolName: 'normalize_unicode',
    commands: [
      /normali[sz]e (?:the )?unicode(?: (?:to|as|in) (?<form>NFC|NFD|NFKC|NFKD))?/,
      /unicode[- ]normali[sz]e/,
    ],
    options: ({ form }) => (form ? { form: form.toUpperCase() } : {}),
  }),
  textIntent({
    name: 'normalize this text',
    toolName: 'normalize_text',
    commands: [/normali[sz]e/, /(?:make|put) (?:this|it) (?:in )?(?:a )?canonical(?: form)?/],
  }),
  textIntent({
    name: 'remove symbols from',
    toolName: 'remove_special_symbols',
    commands: [
      /(?:remove|strip|drop|delete|take out) (?:the |all )?(?:special )?(?:symbols|emojis?|emoticons|special characters)/,
    ],
  }),
  textIntent({
    name: 'clean this text',
    toolName: 'clean_text',
    commands: [
      /clean(?: up)? (?:this|the) text/,
      /(?:tidy|clean)(?: up)? (?:the )?(?:whitespace|spacing)(?: in| of)?/,
    ],
    strictCommands: [/(?:clean|tidy|sanitize)(?: up)?/],
  }),
];
