import { Environment } from '@marcbachmann/cel-js';

/**
 * Parses only, to read which steps an expression names; expressions.ts parses and evaluates
 * (this needs the same syntax switched on: optional fields, `steps.?fetch`).
 */
const parser = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });

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

/**
 * The step ids an expression reads (`steps.fetch.output`, `steps["fetch"]`, `steps.?fetch`), in
 * the order written; none when it does not parse (that is reported on its own).
 */
export function stepReferences(expression: string): string[] {
  let root: unknown;
  try {
    root = parser.parse(expression).ast;
  } catch {
    return [];
  }
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
