import { unsafePatternProblem } from './safe-pattern.js';

/**
 * Readings of a parsed CEL expression's tree (cel-js nodes: `{ op, args }`), kept apart from
 * expressions.ts, which owns the one CEL environment and hands these the tree.
 */
interface Node {
  op: string;
  args: unknown;
}

const isNode = (value: unknown): value is Node =>
  Boolean(value) &&
  typeof value === 'object' &&
  typeof (value as Node).op === 'string' &&
  'args' in (value as Node);

const isStepsRoot = (value: unknown) => isNode(value) && value.op === 'id' && value.args === 'steps';

/** The CEL macros that loop over a list or map. */
const comprehensions = new Set(['map', 'filter', 'exists', 'all', 'exists_one']);

const isComprehension = (node: Node) =>
  node.op === 'rcall' && Array.isArray(node.args) && comprehensions.has(node.args[0] as string);

/** Every node under `value`, the value itself first. */
function* nodesIn(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesIn(item);
    return;
  }
  if (!isNode(value)) return;
  yield value;
  yield* nodesIn(value.args);
}

/**
 * Why the expression could cost more than its size says, or undefined: a comprehension inside
 * another's body multiplies the work by every list it walks (three nested `map`s over 200 items
 * held the event loop 9.5 s), and a `matches()` pattern must be a literal we can check for
 * catastrophic backtracking.
 */
export function costProblem(root: unknown): string | undefined {
  for (const node of nodesIn(root)) {
    if (isComprehension(node)) {
      const [name, , body] = node.args as [string, unknown, unknown[]];
      const inner = [...nodesIn(body)].find(isComprehension);
      if (inner)
        return `${(inner.args as unknown[])[0]}() inside the body of ${name}() is not allowed (nested list macros can take too long); split it into steps`;
    }
    const pattern = matchesPattern(node);
    if (pattern === undefined) continue;
    if (!isNode(pattern) || pattern.op !== 'value' || typeof pattern.args !== 'string')
      return 'matches() takes its pattern as a literal string (in quotes), so it can be checked before it runs';
    const problem = unsafePatternProblem(pattern.args);
    if (problem) return problem;
  }
  return undefined;
}

/** The pattern argument of `s.matches(p)` or `matches(s, p)`; undefined for other nodes. */
function matchesPattern(node: Node): unknown {
  const args = node.args;
  if (!Array.isArray(args) || args[0] !== 'matches') return undefined;
  if (node.op === 'rcall') return (args[2] as unknown[])[0] ?? null;
  if (node.op === 'call') return (args[1] as unknown[])[1] ?? null;
  return undefined;
}

/** The step ids a tree reads (`steps.fetch.output`, `steps["fetch"]`, `steps.?fetch`), in the order written. */
export function stepReferencesIn(root: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    const args = value.args as unknown[];
    if ((value.op === '.' || value.op === '.?') && isStepsRoot(args[0]) && typeof args[1] === 'string') {
      found.push(args[1]);
      return;
    }
    if ((value.op === '[]' || value.op === '[?]') && isStepsRoot(args[0])) {
      const key = args[1];
      if (isNode(key) && key.op === 'value' && typeof key.args === 'string') found.push(key.args);
      else visit(key);
      return;
    }
    visit(value.args);
  };
  visit(root);
  return [...new Set(found)];
}
