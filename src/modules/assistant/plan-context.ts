import type { Turn } from './conversation.js';
import type { Memory } from './memory.js';
import type { TaskView } from './task-view.js';
import type { ToolName } from './tool-name.js';

/** One tool call the assistant makes. */
export interface PlannedCall {
  readonly toolName: string;
  readonly input: Record<string, unknown>;
}

/**
 * What the assistant does next: call a tool, call several at once (a change to many tasks, an
 * undo of one), or answer in words. Calls may say something first ("I’ll delete these 2 tasks: …"),
 * which is what the user reads beside an approval.
 */
export type Step =
  | { readonly type: 'call'; readonly toolName: string; readonly input: Record<string, unknown> }
  | { readonly type: 'calls'; readonly calls: readonly PlannedCall[]; readonly text?: string | undefined }
  | { readonly type: 'reply'; readonly text: string };

/** The first day of the user's week. */
export type WeekStart = 'monday' | 'sunday';

/** What a plan may look at besides the words matched. */
export interface PlanContext {
  /** The current turn: the user's message and the tool calls made for it so far. */
  readonly turn: Turn;
  /** The turns before it, oldest first. */
  readonly earlier: readonly Turn[];
  /** The system prompt (with the memories recalled for this turn, when any were). */
  readonly system?: string | undefined;
  /** What the conversation so far showed and changed (tasks), read from its tool calls. */
  readonly memory: Memory;
  readonly now: Date;
  /** The IANA time zone dates are read and shown in. */
  readonly timeZone: string;
  readonly weekStart: WeekStart;
  /** The tools this chat offers, when known (an @mention picks an agent's or a team's by them). */
  readonly toolNames?: ReadonlySet<string> | undefined;
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

/** Several calls in one step, with what to say before them. */
export const calls = (planned: readonly PlannedCall[], text?: string): Step =>
  planned.length === 1 && text === undefined && planned[0]
    ? { type: 'call', toolName: planned[0].toolName, input: planned[0].input }
    : { type: 'calls', calls: planned, ...(text === undefined ? {} : { text }) };

export const reply = (text: string): Step => ({ type: 'reply', text });
