import type { ToolOutcome, Turn } from '../conversation.js';
import type { TaskView } from '../reply/format.js';
import { replyTo } from '../reply/index.js';
import type { ToolName } from '../tool-name.js';

/** What the assistant does next: call a tool, or answer in words. */
export type Step =
  | { readonly type: 'call'; readonly toolName: string; readonly input: Record<string, unknown> }
  | { readonly type: 'reply'; readonly text: string };

/** What a plan may look at besides the words matched. */
export interface PlanContext {
  /** The current turn: the user's message and the tool calls made for it so far. */
  readonly turn: Turn;
  /** The turns before it, oldest first. */
  readonly earlier: readonly Turn[];
  readonly now: Date;
  /** The IANA time zone dates are read and shown in. */
  readonly timeZone: string;
  /** The task the user picked from a "which one?" list, when this turn answers one. */
  readonly chosenTask?: TaskView | undefined;
}

/** The named groups of a pattern's match (absent groups are undefined). */
export type Match = Readonly<Record<string, string | undefined>>;

/**
 * One thing the assistant understands: the phrasings that say it (tried in order; the first that
 * matches wins) and the plan that turns the match into the next step. A plan may decline a match
 * (return undefined) so that later intents get their turn.
 */
export interface Intent {
  readonly name: string;
  readonly patterns: readonly RegExp[];
  plan(match: Match, context: PlanContext): Step | undefined;
}

export const call = (toolName: ToolName, input: Record<string, unknown>): Step => ({
  type: 'call',
  toolName,
  input,
});

export const reply = (text: string): Step => ({ type: 'reply', text });

/** The output of the latest successful call of a tool in this turn. */
export function outputOf(context: PlanContext, toolName: ToolName): unknown {
  const outcomes = context.turn.outcomes;
  for (let index = outcomes.length - 1; index >= 0; index--) {
    const outcome = outcomes[index];
    if (outcome?.toolName === toolName && outcome.result?.kind === 'output') return outcome.result.value;
  }
  return undefined;
}

/** The latest successful call of a tool in this turn, with its input. */
export function outcomeOf(context: PlanContext, toolName: ToolName): ToolOutcome | undefined {
  return [...context.turn.outcomes]
    .reverse()
    .find((outcome) => outcome.toolName === toolName && outcome.result?.kind === 'output');
}

/** The one-call plan: call the tool, then answer with its result put in words. */
export function callThenReply(
  context: PlanContext,
  toolName: ToolName,
  input: Record<string, unknown>,
): Step {
  const done = outcomeOf(context, toolName);
  if (!done || done.result?.kind !== 'output') return call(toolName, input);
  return reply(replyTo({ toolName, input: done.input, output: done.result.value, context }));
}

/** Text as the user wrote it, without wrapping quotes and outer whitespace. */
export function unquote(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  const quoted = /^(["'“‘«`])([\s\S]*)(["'”’»`])$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '').trim() : trimmed;
}
