import type { WorkflowDefinitionInput } from '../../../src/modules/workflows/definition.js';

/**
 * The phrasing corpus's shape. A dialogue is a conversation with the built-in assistant from an
 * empty (or seeded) todo list; each turn says what the user writes, which tools the assistant
 * calls for it (in order) and the whole task list afterwards.
 *
 * A task is written `[✓ ]Title[ · due 2026-12-07| · due 2026-12-06 17:00][ · high|low][ · #tag …]`
 * (times in the dialogue's time zone). `(approve)` and `(deny)` answer the approval a destructive
 * call waits for.
 */
export interface CorpusTurn {
  readonly say: string;
  /** The tools called for this turn, in order (several in one step count one each). */
  readonly calls: readonly string[];
  /** Every task of the user afterwards; absent: the same as before this turn. */
  readonly tasks?: readonly string[] | undefined;
  /** Something the reply must contain (text) or match (pattern). */
  readonly says?: string | RegExp | undefined;
}

export interface Dialogue {
  readonly name: string;
  /** The instant the dialogue happens at; default Sunday 6 December 2026, 10:00 in Paris. */
  readonly now?: string;
  readonly timeZone?: string;
  readonly weekStart?: 'monday' | 'sunday';
  /** Tasks the user has before the first turn (same notation, in creation order). */
  readonly seed?: readonly string[];
  /** Workflows the user has before the first turn: a built-in template's id, or a definition. */
  readonly workflows?: readonly (string | WorkflowDefinitionInput)[];
  /** Workflows (by name) started before the first turn, in order; each is waited for until it waits or ends. */
  readonly runs?: readonly string[];
  readonly turns: readonly CorpusTurn[];
}

/** A turn: `calls` is tool names separated by spaces ('' for none). */
export const turn = (
  say: string,
  calls: string,
  tasks?: readonly string[],
  says?: string | RegExp,
): CorpusTurn => ({ say, calls: calls.split(' ').filter(Boolean), tasks, says });

/** A turn that only answers: no tool, nothing changes. */
export const answer = (say: string, says?: string | RegExp): CorpusTurn => turn(say, '', undefined, says);
