import type { PlanContext } from '../plan-context.js';

export { field, list, type TaskView } from '../task-view.js';

/** What a reply formatter gets: the call's input and output, and the plan's context. */
export interface ReplyInput {
  readonly toolName: string;
  readonly input: Record<string, unknown>;
  readonly output: unknown;
  readonly context: PlanContext;
}

/** Puts one tool's result in words. */
export type ReplyFormatter = (reply: ReplyInput) => string;

/** A title between curly quotes. */
export const quoted = (text: string) => `“${text}”`;

/** "1 task", "3 tasks". */
export const count = (size: number, noun: string, plural = `${noun}s`) =>
  `${size} ${size === 1 ? noun : plural}`;

/** A long text cut for a chat reply, marked where it was cut. */
export function excerpt(text: string, limit = 1500): string {
  return text.length <= limit
    ? text
    : `${text.slice(0, limit).trimEnd()}… (${text.length} characters in all)`;
}

/** A numbered Markdown list. */
export const numbered = (lines: readonly string[]) =>
  lines.map((line, index) => `${index + 1}. ${line}`).join('\n');

/** A Markdown bullet list. */
export const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join('\n');

/** A share as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
