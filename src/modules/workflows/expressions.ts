import { Environment } from '@marcbachmann/cel-js';
import { costProblem, stepReferencesIn } from './expression-ast.js';

/**
 * Expressions in workflow definitions are CEL (Common Expression Language): no side effects, no
 * loops of its own, so every expression ends, and cheap, so an owner's expression cannot stall the
 * server (decisions.md says why CEL and not JSONata or JavaScript). JSON numbers that are whole
 * enter as CEL ints, so `input.count + 1` and `items.size() > 2` read as people write them; ints come
 * back as JS numbers.
 */
const environment = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  enableOptionalTypes: true,
  limits: {
    maxAstNodes: 2_000,
    maxDepth: 50,
    maxListElements: 1_000,
    maxMapEntries: 1_000,
    maxCallArguments: 32,
  },
});

/** An expression that does not parse, or fails as it runs; `message` is written for the workflow's author. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Compiled = ReturnType<Environment['parse']>;
const compiled = new Map<string, Compiled>();
const cacheLimit = 2_000;

function compile(source: string): Compiled {
  const hit = compiled.get(source);
  if (hit) return hit;
  let program: Compiled;
  try {
    program = environment.parse(source);
  } catch (error) {
    throw new ExpressionError(firstLine(error), source);
  }
  const tooCostly = costProblem(program.ast);
  if (tooCostly) throw new ExpressionError(tooCostly, source);
  if (compiled.size >= cacheLimit) compiled.delete(compiled.keys().next().value as string);
  compiled.set(source, program);
  return program;
}

/** Why `source` does not parse, or undefined when it does (for validation before saving). */
export function expressionProblem(source: string): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The step ids an expression reads (`steps.fetch.output`, `steps["fetch"]`, `steps.?fetch`), in
 * the order written; none when it does not parse (that is reported on its own).
 */
export function stepReferences(source: string): string[] {
  try {
    return stepReferencesIn(compile(source).ast);
  } catch {
    return [];
  }
}

/** The words an expression is written with: a superset of the variables it can read. */
const namesBySource = new Map<string, Set<string>>();

function namesIn(source: string): Set<string> {
  let names = namesBySource.get(source);
  if (!names) {
    names = new Set(source.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    if (namesBySource.size >= cacheLimit) namesBySource.delete(namesBySource.keys().next().value as string);
    namesBySource.set(source, names);
  }
  return names;
}

/**
 * Evaluates one expression over `scope` (JSON values); the result is JSON again. Only the variables
 * the expression names are handed over (a CEL expression cannot read a variable it does not name):
 * a pipeline's `input` may hold thousands of document ids that `{{ item.text }}` never reads.
 */
export function evaluate(source: string, scope: Record<string, unknown>): unknown {
  return evaluateWith(source, scope, celVariables(scope));
}

/** Gives a scope's variables as CEL values, each converted once however many expressions read it. */
type CelVariables = (name: string, source: string) => unknown;

function celVariables(scope: Record<string, unknown>): CelVariables {
  const converted = new Map<string, unknown>();
  return (name, source) => {
    if (!converted.has(name)) converted.set(name, toCel(scope[name], source));
    return converted.get(name);
  };
}

function evaluateWith(source: string, scope: Record<string, unknown>, cel: CelVariables): unknown {
  const program = compile(source);
  try {
    const names = namesIn(source);
    const variables: Record<string, unknown> = {};
    for (const name of Object.keys(scope)) if (names.has(name)) variables[name] = cel(name, source);
    return fromCel(program(variables));
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw new ExpressionError(firstLine(error), source);
  }
}

/** Evaluates a condition: anything but a boolean is the author's mistake, said as such. */
export function holds(source: string, scope: Record<string, unknown>): boolean {
  const value = evaluate(source, scope);
  if (typeof value !== 'boolean')
    throw new ExpressionError(`must be true or false, but gave ${JSON.stringify(value)}`, source);
  return value;
}

const template = /\{\{([\s\S]+?)\}\}/g;
const wholeTemplate = /^\s*\{\{([\s\S]+?)\}\}\s*$/;

/** The expressions written as `{{ … }}` in a value (walking objects and arrays), for validation. */
export function templateExpressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(template)].map((match) => (match[1] ?? '').trim());
  if (Array.isArray(value)) return value.flatMap(templateExpressions);
  if (value && typeof value === 'object') return Object.values(value).flatMap(templateExpressions);
  return [];
}

/**
 * Resolves `{{ … }}` in a value: a string that is one whole expression takes the expression's value
 * (a list stays a list); expressions inside longer text are written in (strings as they are, the
 * rest as JSON). Objects and arrays are walked; other values are kept. The scope's variables are
 * converted to CEL once for all the expressions (a report's columns all read `steps`).
 */
export function resolveTemplates(value: unknown, scope: Record<string, unknown>): unknown {
  return resolveWith(value, scope, celVariables(scope));
}

function resolveWith(value: unknown, scope: Record<string, unknown>, cel: CelVariables): unknown {
  if (typeof value === 'string') {
    const whole = wholeTemplate.exec(value);
    if (whole && !(whole[1] ?? '').includes('}}')) return evaluateWith((whole[1] ?? '').trim(), scope, cel);
    return value.replace(template, (_, source: string) => {
      const result = evaluateWith(source.trim(), scope, cel);
      return typeof result === 'string' ? result : JSON.stringify(result ?? null);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveWith(item, scope, cel));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveWith(item, scope, cel)]),
    );
  return value;
}

/**
 * Most items a list may have to enter an expression: with nested comprehensions refused, the work
 * of one evaluation grows with the lists it walks, and this bounds them.
 */
export const maxListItems = 10_000;

/**
 * A JSON value as CEL takes it (integers as bigint). Plain loops, not `Object.entries` and
 * `Object.fromEntries`: a pipeline's report converts every item's step outputs, and the pairs
 * those build cost 3–5x the conversion (a warm item's largest cost in node).
 */
function toCel(value: unknown, source: string): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (value.length > maxListItems)
      throw new ExpressionError(
        `a list of ${value.length} items is over the ${maxListItems}-item limit for expressions`,
        source,
      );
    const list = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) list[index] = toCel(value[index], source);
    return list;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toCel((value as Record<string, unknown>)[key], source);
    // A key `__proto__` (JSON may have one) stays a key, as Object.fromEntries would keep it.
    if (key === '__proto__')
      Object.defineProperty(record, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else record[key] = item;
  }
  return record;
}

function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([key, item]) => [String(key), fromCel(item)]));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromCel(item)]));
  return value;
}

/** The first line of a CEL error (the rest draws the expression with a caret). */
function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? 'is not a valid expression';
}
