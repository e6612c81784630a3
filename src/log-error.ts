import { stdSerializers } from 'pino';

/** The fields of a Postgres error that name the schema, never the data: safe to log. */
const databaseFields = ['code', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'];

/** Errors in a chain of causes we follow at most (a cycle of causes would otherwise never end). */
const causesAtMost = 8;

type Fields = Record<string, unknown>;

/**
 * A database error: Drizzle's (its message and `params` hold the statement's values) or the
 * driver's (a SQLSTATE code; its message and `detail` may quote the row, `Failing row contains …`).
 */
function isDatabaseError(error: Fields): boolean {
  return (
    ('query' in error && 'params' in error) ||
    (typeof error.severity === 'string' && /^[0-9A-Z]{5}$/.test(String(error.code)))
  );
}

/** The stack's frames without its first line, which repeats the message. */
function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const firstFrame = stack.indexOf('\n    at ');
  return firstFrame === -1 ? undefined : stack.slice(firstFrame + 1);
}

/** The errors of a chain of causes, the thrown one first. */
function chainOf(error: unknown): (Error & Fields)[] {
  const chain: (Error & Fields)[] = [];
  for (let at = error; at instanceof Error && chain.length < causesAtMost; at = at.cause)
    chain.push(at as Error & Fields);
  return chain;
}

/** One error of a chain that holds a database error, without pino's habit of quoting every cause. */
function oneOf(error: Error & Fields): Fields {
  if (!isDatabaseError(error))
    return { type: error.constructor.name, message: error.message, stack: error.stack };
  const fields: Fields = { type: error.constructor.name, message: 'database query failed' };
  for (const name of databaseFields) if (typeof error[name] === 'string') fields[name] = error[name];
  const stack = framesOf(error.stack);
  if (stack) fields.stack = stack;
  return fields;
}

/**
 * How the logs write an error (`err`): as pino does, except a database error anywhere in the chain
 * of causes, which keeps its class, SQLSTATE code, the table, column or constraint at fault and the
 * stack frames — never the statement, its parameters, or a message or detail that may quote the
 * user's data.
 */
export function serializeError(error: unknown): unknown {
  const chain = chainOf(error);
  if (!chain.some(isDatabaseError)) return stdSerializers.err(error as Error);
  return chain.reduceRight<Fields | undefined>(
    (cause, link) => ({ ...oneOf(link), ...(cause ? { cause } : {}) }),
    undefined,
  );
}
