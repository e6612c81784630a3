import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, expressionProblem, maxListItems, stepReferences } from './expressions.js';

describe('expressions bound their cost', () => {
  const nested = 'input.xs.map(a, input.xs.map(b, input.xs.map(c, a + b + c)))';

  it('refuses a comprehension inside another one, at validation and at evaluation', () => {
    expect(expressionProblem(nested)).toMatch(/map\(\) inside the body of map\(\)/);
    expect(expressionProblem('input.xs.exists(a, input.ys.filter(b, b == a).size() > 0)')).toMatch(
      /filter\(\) inside the body of exists\(\)/,
    );
    expect(() => evaluate(nested, { input: { xs: [1, 2] } })).toThrow(ExpressionError);
  });

  it('keeps comprehensions one after another', () => {
    expect(expressionProblem('input.xs.filter(a, a > 1).map(b, b * 2)')).toBeUndefined();
    expect(evaluate('input.xs.filter(a, a > 1).map(b, b * 2)', { input: { xs: [1, 2, 3] } })).toEqual([4, 6]);
  });

  it('refuses a list over the cap entering an expression, naming the cap', () => {
    const xs = Array.from({ length: maxListItems + 1 }, (_, index) => index);
    expect(() => evaluate('input.xs.size()', { input: { xs } })).toThrow(`${maxListItems}-item limit`);
    expect(evaluate('input.xs.size()', { input: { xs: xs.slice(1) } })).toBe(maxListItems);
  });

  it('reads JSON values as they are: integers, nested lists, a key named __proto__', () => {
    const output = JSON.parse(
      '{"n": 3, "x": 0.5, "list": [[1, {"a": 2}]], "__proto__": {"k": 7}, "t": null}',
    );
    expect(evaluate('steps.s.output.n + steps.s.output.list[0][1].a', { steps: { s: { output } } })).toBe(5);
    expect(evaluate('steps.s.output.x', { steps: { s: { output } } })).toBe(0.5);
    expect(evaluate('steps.s.output["__proto__"].k', { steps: { s: { output } } })).toBe(7);
    expect(evaluate('steps.s.output', { steps: { s: { output } } })).toEqual(output);
  });

  it('refuses a catastrophic matches() pattern and one that is not a literal', () => {
    expect(expressionProblem('input.s.matches("(a+)+$")')).toMatch(/exponential time/);
    expect(expressionProblem('matches(input.s, "(a|aa)*$")')).toMatch(/exponential time/);
    expect(expressionProblem('input.s.matches(input.p)')).toMatch(/literal string/);
    expect(() => evaluate('input.s.matches("(a+)+$")', { input: { s: 'aaaa' } })).toThrow(/exponential/);
    expect(evaluate('input.s.matches("^a+b$")', { input: { s: 'aaab' } })).toBe(true);
  });

  it('reads the steps an expression names through the one environment', () => {
    expect(stepReferences('steps.fetch.output + steps["sum"].output + steps.?late.orValue(1)')).toEqual([
      'fetch',
      'sum',
      'late',
    ]);
    expect(stepReferences('not (valid')).toEqual([]);
  });
});
