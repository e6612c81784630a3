import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { compilePattern } from './pattern.js';

describe('event patterns', () => {
  const cases: [pattern: string, type: string, matches: boolean][] = [
    ['task.created', 'task.created', true],
    ['task.created', 'task.completed', false],
    ['task.*', 'task.created', true],
    ['task.*', 'task', false],
    ['task.*', 'tasks.created', false],
    ['workflow.*', 'workflow.step.completed', true],
    ['workflow.*.completed', 'workflow.step.completed', true],
    ['workflow.*.completed', 'workflow.step.failed', false],
    ['workflow.*.completed', 'workflow.a.b.completed', false],
    ['*', 'anything.at.all', true],
  ];

  it.each(cases)('%s against %s → %s', (pattern, type, matches) => {
    expect(compilePattern(pattern)(type)).toBe(matches);
  });

  it.each(['', 'task.', 'Task.*', 'task.**', 'task;drop'])('rejects the malformed pattern %j', (pattern) => {
    expect(() => compilePattern(pattern)).toThrow(InvalidInputError);
  });
});
