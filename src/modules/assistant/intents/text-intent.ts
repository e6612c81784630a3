import type { TextToolName } from '../../text/index.js';
import { callThenReply, type Intent, type Match, type PlanContext, reply, unquote } from './intent.js';

/**
 * What may sit between a command and its text: "of", "the following text", and a bare "this"
 * only before a colon ("summarize this: …"), so that "tl;dr the cat sat" keeps its "the".
 */
const pointing = String.raw`(?:\s+(?:of|in|for|from|on|to))?(?:\s+(?:(?:this|that|these|my|the|the following)\s+(?:text|article|paragraph|passage|sentence|sentences|message|email|page|words|note|draft|html)|(?:this|that|it|these|the following)(?=\s*[:\-–—\n])))?`;
/** A colon, a dash or a new line before the text; or, for a plain command, a space is enough. */
const strictSeparator = String.raw`\s*(?:[:\-–—]\s*|\n\s*)`;
const separator = String.raw`\s*(?:[:\-–—]\s*|\n\s*|\s+)`;

/**
 * A pattern for a command followed by the text to work on ("summarize this: …", "tl;dr …",
 * "what language is this: …"); the text is the named group `text`. A `strict` command needs a
 * colon or a new line before the text ("clean up: …", not "clean up the garage").
 */
export function withText(command: RegExp, { strict = false } = {}): RegExp {
  return new RegExp(
    `^(?:${command.source})${pointing}${strict ? strictSeparator : separator}(?<text>[\\s\\S]+)$`,
    'i',
  );
}

/** Words that point at a text instead of being one ("summarize this text"). */
const pointers = /^(?:this|that|it|text|this text|the text|the following|these|html|please)$/i;

/** The text a command was given, or undefined when only pointed at. */
export function givenText(match: Match): string | undefined {
  // "what language is “hola amigos” in?": the quoted text without the question around it.
  const text = unquote(match.text?.replace(/(["”’»])\s+(?:in|written in)\s*[?.!]*$/i, '$1'));
  return text && !pointers.test(text) ? text : undefined;
}

const webAddress = /^https?:\/\/\S+$/i;

/** A text tool's intent: its phrasings, and the input beside `text` (or `url`, where the tool takes one). */
export function textIntent({
  name,
  toolName,
  commands,
  strictCommands = [],
  takesUrl = false,
  options,
}: {
  name: string;
  toolName: TextToolName;
  commands: readonly RegExp[];
  /** Commands that are also everyday words ("clean up"): they need a colon or a new line before the text. */
  strictCommands?: readonly RegExp[];
  takesUrl?: boolean;
  options?: (match: Match, context: PlanContext) => Record<string, unknown>;
}): Intent {
  return {
    name,
    patterns: [
      ...commands.map((command) => withText(command)),
      ...strictCommands.map((command) => withText(command, { strict: true })),
    ],
    plan(match, context) {
      const text = givenText(match);
      if (text === undefined)
        return reply(`Give me the text after a colon, for example: “${name}: …” (paste the text after it).`);
      const source = takesUrl && webAddress.test(text) ? { url: text } : { text };
      return callThenReply(context, toolName, { ...source, ...options?.(match, context) });
    },
  };
}
