import type { Workflow } from '../workflows/schema.js';

/** A workflow as list_workflows and get_workflow show it: the server's type, the fields the assistant uses. */
export type WorkflowView = Pick<Workflow, 'id' | 'name' | 'description'>;

/** Words that say "a workflow" rather than which one ("the daily digest workflow"). */
const ignored = new Set([
  'the',
  'my',
  'a',
  'an',
  'our',
  'workflow',
  'workflows',
  'flow',
  'template',
  'now',
  'again',
]);

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !ignored.has(word));

/** Two words match when equal or when one starts the other and both have 4 letters or more ("digests", "digest"). */
const sameWord = (one: string, other: string) =>
  one === other ||
  (Math.min(one.length, other.length) >= 4 && (one.startsWith(other) || other.startsWith(one)));

/**
 * The workflows a spoken name points at, best first: "the daily digest" → `daily-task-digest`.
 * Each is scored by the share of the spoken words its name has, then by how few other words its
 * name has; at least half the spoken words must be in the name. Several equally good: all of them.
 */
export function workflowsNamed(spoken: string, workflows: readonly WorkflowView[]): WorkflowView[] {
  const wanted = wordsOf(spoken);
  if (wanted.length === 0) return [];
  const scored = workflows.flatMap((workflow) => {
    const words = wordsOf(workflow.name);
    const found = wanted.filter((word) => words.some((candidate) => sameWord(word, candidate))).length;
    if (found === 0 || found * 2 < wanted.length) return [];
    return [{ workflow, score: found / wanted.length, extra: words.length - found }];
  });
  scored.sort((one, other) => other.score - one.score || one.extra - other.extra);
  const [best] = scored;
  if (!best) return [];
  return scored
    .filter((entry) => entry.score === best.score && entry.extra === best.extra)
    .map((entry) => entry.workflow);
}
