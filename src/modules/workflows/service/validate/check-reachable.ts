import { evaluate } from '../../expressions.js';
import { stepProblem } from './field-path.js';
import type { PlacedStep } from './step-tree.js';

/**
 * Refuses steps that can never run: an `if` that is false whatever the run (it reads nothing and
 * gives false), and the branch of a `condition` whose expression is constant and never picks it.
 * Expressions that read anything are left to the run.
 */
export function checkReachable(steps: PlacedStep[]): void {
  for (const { step, field } of steps) {
    if (step.if !== undefined && constantOf(step.if) === false)
      throw stepProblem(step, `${field}.if`, `never runs: "${step.if}" is always false`);
    if (step.kind !== 'condition') continue;
    const constant = constantOf(step.condition);
    if (typeof constant !== 'boolean') continue;
    const never = constant ? 'else' : 'then';
    if (step[never].length > 0)
      throw stepProblem(
        step,
        `${field}.${never}`,
        `the ${never} branch never runs: "${step.condition}" is always ${String(constant)}`,
      );
  }
}

/** The value of an expression that reads no variable, or undefined when it reads one (or fails). */
function constantOf(source: string): unknown {
  try {
    return evaluate(source, {});
  } catch {
    return undefined;
  }
}
