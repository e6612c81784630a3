import type { Conversation, ToolOutcome } from './conversation.js';
import { documentIntents } from './intents/documents.js';
import { helpIntents, helpText } from './intents/help.js';
import { mentionIntents } from './intents/mentions.js';
import { notUnderstood, smallTalkIntents } from './intents/small-talk.js';
import { taskQuestionIntents } from './intents/task-questions.js';
import { taskIntents } from './intents/tasks.js';
import { undoIntents } from './intents/undo.js';
import { approvalIntents } from './intents/approvals.js';
import { workflowIntents } from './intents/workflows.js';
import { memoryIntents, memoryQuestionIntents } from './intents/memories.js';
import { pipelineIntents } from './intents/pipelines.js';
import { readMemory } from './memory.js';
import { type Intent, type PlanContext, reply, type Step, type WeekStart } from './plan-context.js';
import { textAnalysisIntents } from './intents/text-analysis.js';
import { textContextIntents } from './intents/text-context.js';
import { textRewriteIntents } from './intents/text-rewrite.js';
import { positionIn } from './words.js';

/**
 * Every intent, in the order they are tried: an @mentioned agent first (the message is for it),
 * then help, then memories, workflows and approvals (whose commands start with their own verbs:
 * remember, run, approve, refuse), then the text tools (whose commands
 * carry a text that may say anything), then documents, then tasks (whose phrasings are the
 * broadest: "I need to …"); last, questions answered from the memories in the system prompt.
 */
export const intents: readonly Intent[] = [
  ...mentionIntents,
  ...helpIntents,
  ...smallTalkIntents,
  ...undoIntents,
  ...approvalIntents,
  ...memoryIntents,
  ...pipelineIntents,
  ...workflowIntents,
  ...textContextIntents,
  ...textAnalysisIntents,
  ...textRewriteIntents,
  ...documentIntents,
  ...taskQuestionIntents,
  ...taskIntents,
  ...memoryQuestionIntents,
];

/** Politeness around a request ("could you …", "… please"), which no intent needs. */
const courtesyBefore =
  /^(?:(?:please|pls|hey|ok|okay|so|now|and|also|then|actually|oh|great|perfect|cool|can you|could you|would you|will you|would you mind|i['’]d like you to|i want you to)[,!]?\s+)+/i;
const courtesyAfter = /\s*,?\s*(?:please|thanks|thank you)[.!?]*$/i;

/** The request without politeness around it. */
export function requestOf(text: string): string {
  return text.trim().replace(courtesyBefore, '').replace(courtesyAfter, '').trim();
}

/** The first intent's step for a message; undefined when no intent takes it. */
export function planFor(message: string, context: PlanContext): { intent: Intent; step: Step } | undefined {
  for (const intent of intents)
    for (const pattern of intent.patterns) {
      const match = pattern.exec(message);
      if (!match) continue;
      const step = intent.plan(match.groups ?? {}, context);
      if (step) return { intent, step };
    }
  return undefined;
}

/**
 * An answer to "which one?" ("the second one", "2"): the previous turn's request, done to the task
 * at that place in the list the question showed.
 */
function answerToWhichOne(message: string, context: PlanContext): Step | undefined {
  const position = positionIn(message);
  const previous = context.earlier.at(-1);
  const asked = context.memory.turns.at(-1);
  if (position === undefined || !previous || !asked?.askedWhich) return undefined;
  const chosenTask = position === -1 ? asked.shown.at(-1) : asked.shown[position - 1];
  if (!chosenTask) return reply(`There is no number ${position} in that list.`);
  return planFor(requestOf(previous.text), {
    ...context,
    turn: { ...context.turn, text: previous.text },
    chosenTask,
  })?.step;
}

/** A failed or refused tool call, in words. */
function afterFailure(outcome: ToolOutcome): Step | undefined {
  if (outcome.result?.kind === 'error') {
    const [, code, message] = /^([A-Z][A-Z0-9_]+): ([\s\S]*)$/.exec(outcome.result.message) ?? [];
    const reason = code ? `${message} (${code})` : outcome.result.message;
    return reply(`That did not work: ${outcome.toolName} failed. ${reason}`);
  }
  if (outcome.result?.kind === 'denied')
    return reply(
      `OK, I did not run ${outcome.toolName}${outcome.result.reason ? ` (${outcome.result.reason})` : ''}. Nothing changed.`,
    );
  return undefined;
}

/** A call of a tool that this chat does not offer becomes an answer saying so. */
function offered(step: Step, toolNames: ReadonlySet<string>): Step {
  if (step.type === 'reply') return step;
  const missing =
    step.type === 'call'
      ? [step.toolName].filter((name) => !toolNames.has(name))
      : step.calls.map((planned) => planned.toolName).filter((name) => !toolNames.has(name));
  if (missing.length === 0) return step;
  return reply(`I would use the ${missing[0]} tool for that, but it is not available in this chat.`);
}

/**
 * The offline assistant's next step for a conversation: a tool call the current turn still needs,
 * or the reply. Deterministic: the same conversation gives the same step.
 */
export function decide({
  conversation,
  toolNames,
  now,
  timeZone,
  weekStart = 'monday',
}: {
  conversation: Conversation;
  toolNames: ReadonlySet<string>;
  now: Date;
  timeZone: string;
  weekStart?: WeekStart;
}): Step {
  const { turn, earlier } = conversation;
  if (!turn) return reply(helpText);
  const last = turn.outcomes.at(-1);
  const failed = last && afterFailure(last);
  if (failed) return failed;
  const context: PlanContext = {
    turn,
    earlier,
    system: conversation.system,
    memory: readMemory(earlier),
    now,
    timeZone,
    weekStart,
    toolNames,
  };
  // "thanks!" is all courtesy: then the words themselves are the request.
  const message = requestOf(turn.text) || turn.text.trim();
  const step =
    answerToWhichOne(message, context) ?? planFor(message, context)?.step ?? reply(notUnderstood(message));
  return offered(step, toolNames);
}
