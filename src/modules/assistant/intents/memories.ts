import { memoryToolNames } from '../../memory/index.js';
import { quoted } from '../reply/format.js';
import { searchWords, sentenceCase, tidy } from '../words.js';
import { call, callThenReply, type Intent, outcomeOf, type PlanContext, reply, type Step } from './intent.js';

/** A memory id as tools and the system prompt show it. */
const memoryIdPattern = /\bmem_[0-9a-f]{32}\b/g;

/** The id of the newest memory the conversation stored ("forget that"), from a tool result or a reply's text. */
function lastRemembered(context: PlanContext): string | undefined {
  for (const turn of [...context.earlier].reverse()) {
    const stored = [...turn.outcomes]
      .reverse()
      .find((outcome) => outcome.toolName === memoryToolNames.remember && outcome.result?.kind === 'output');
    const value = stored?.result?.kind === 'output' ? stored.result.value : undefined;
    const id = (value as { memory?: { id?: unknown } } | undefined)?.memory?.id;
    if (typeof id === 'string') return id;
    const mentioned = turn.reply.match(memoryIdPattern)?.at(-1);
    if (mentioned) return mentioned;
  }
  return undefined;
}

/** "forget that my manager is Dana": look the fact up, then forget the memory that says it. */
function forgetFact(fact: string, context: PlanContext): Step {
  const found = outcomeOf(context, memoryToolNames.recall);
  if (!found || found.result?.kind !== 'output')
    return call(memoryToolNames.recall, { query: fact, limit: 1 });
  const [best] = (found.result.value as { items?: { id: string }[] }).items ?? [];
  if (!best) return reply(`I don’t remember anything like ${quoted(fact)}.`);
  return callThenReply(context, memoryToolNames.forget, { memory_id: best.id });
}

/** Telling the assistant what to remember, asking what it knows, and taking a memory back. */
export const memoryIntents: Intent[] = [
  {
    name: 'remember',
    patterns: [
      /^(?:please )?(?:remember|keep in mind|don['’]?t forget|never forget)(?: that|:)\s*(?<fact>[\s\S]+)$/i,
      /^(?:please )?remember (?!this\s*:)(?<fact>(?:my|i|i['’]m|i am|our|we)\b[\s\S]+)$/i,
    ],
    plan: ({ fact }, context) => {
      const text = sentenceCase(tidy(fact ?? ''));
      return text ? callThenReply(context, memoryToolNames.remember, { text }) : undefined;
    },
  },
  {
    name: 'what do you know about me',
    patterns: [
      /^what (?:do|did) you (?:know|remember)(?: about (?:me|us))?[.!?]*$/i,
      /^what have i (?:told|asked) you to remember[.!?]*$/i,
      /^(?:show|list)(?: me)? (?:my|your) memories[.!?]*$/i,
      /^what(?:['’]s| is) in your memory[.!?]*$/i,
    ],
    plan: (_match, context) => callThenReply(context, memoryToolNames.list, {}),
  },
  {
    name: 'forget that',
    patterns: [/^forget (?:that|it|what i (?:just )?(?:said|told you))[.!?]*$/i],
    plan: (_match, context) => {
      const memoryId = lastRemembered(context);
      if (!memoryId)
        return reply('I have not remembered anything in this conversation, so there is nothing to forget.');
      return callThenReply(context, memoryToolNames.forget, { memory_id: memoryId });
    },
  },
  {
    name: 'forget a fact',
    patterns: [/^forget (?:that )?(?<fact>(?:my|i|i['’]m|i am|our|we)\b[\s\S]+?)[.!]*$/i],
    plan: ({ fact }, context) => forgetFact(tidy(fact ?? ''), context),
  },
];

/** The memories the system prompt carries: `[mem_…] text` lines. */
function recalledMemories(system: string | undefined): { id: string; text: string }[] {
  return [...(system ?? '').matchAll(/^\[(mem_[0-9a-f]{32})\] (.+)$/gm)].map((match) => ({
    id: match[1] ?? '',
    text: match[2] ?? '',
  }));
}

const questionWords = new Set(['who', 'what', 'where', 'when', 'which', 'how', 'whats', 'remind', 'tell']);
/** A word folded for comparison: lower case, without a possessive or plural s. */
const fold = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/(?<=\w{3})s$/, '');
const wordsOf = (text: string) =>
  new Set(
    searchWords(text)
      .split(/\s+/)
      .map(fold)
      .filter((word) => word.length > 1 && !questionWords.has(word)),
  );

/**
 * A question the memories in the system prompt answer ("who is my manager?"): the memories that
 * share the most words with it, cited by id. Declines when none shares a word, so that a question
 * no memory answers is not answered from memory.
 */
export const memoryQuestionIntents: Intent[] = [
  {
    name: 'question answered from memory',
    patterns: [
      /^(?<question>(?:who|what|where|when|which|how)\b[\s\S]*\b(?:my|i|me|i['’]m|our|we)\b[\s\S]*?)[?.!]*$/i,
      /^(?<question>(?:do you (?:know|remember)|remind me|tell me)\b[\s\S]+?)[?.!]*$/i,
    ],
    plan: ({ question }, context) => {
      const asked = wordsOf(question ?? '');
      const scored = recalledMemories(context.system)
        .map((memory) => ({
          memory,
          shared: [...wordsOf(memory.text)].filter((word) => asked.has(word)).length,
        }))
        .filter(({ shared }) => shared > 0);
      const best = Math.max(0, ...scored.map(({ shared }) => shared));
      const answers = scored.filter(({ shared }) => shared === best).slice(0, 3);
      if (answers.length === 0) return undefined;
      const cite = ({ memory }: (typeof answers)[number]) => `${quoted(memory.text)} [${memory.id}]`;
      return reply(
        answers.length === 1
          ? `You told me: ${cite(answers[0] as (typeof answers)[number])}.`
          : `You told me:\n${answers.map((answer) => `- ${cite(answer)}`).join('\n')}`,
      );
    },
  },
];
