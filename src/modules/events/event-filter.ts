import { canonicalJson } from '../../canonical-json.js';
import type { AnyBusEvent } from '../../bus/events.js';
import { compilePattern } from '../../bus/pattern.js';
import { holds } from '../workflows/expressions.js';
import type { PayloadCondition } from './table.js';

/**
 * The user an event belongs to: who caused it, or, for the server's own events about a user's
 * things, the owner they name. The same rule as the user's event feed and the workflows' event triggers.
 */
export function eventOwner(event: AnyBusEvent): string | undefined {
  if (event.actor.userId) return event.actor.userId;
  const owner = (event.data as { owner_id?: unknown }).owner_id;
  return typeof owner === 'string' ? owner : undefined;
}

/** The event as conditions, CEL expressions and targets see it (snake_case, ISO time). */
export function eventView(event: AnyBusEvent) {
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    actor: { user_id: event.actor.userId, via: event.actor.via },
    data: event.data as unknown,
  };
}

/** The value at a dot-separated path in the payload (`items.0.sku` reads into arrays by index). */
function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    // Only what JSON holds: an array's items by index, not its length.
    if (Array.isArray(value) && !/^\d+$/.test(key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const same = (left: unknown, right: unknown) => canonicalJson(left) === canonicalJson(right);

/** Whether one condition holds on a payload. Comparisons across types (a string `gt` a number) do not hold. */
export function conditionHolds(data: unknown, { path, op, value }: PayloadCondition): boolean {
  const actual = valueAt(data, path);
  switch (op) {
    case 'exists':
      return actual !== undefined;
    case 'eq':
      return actual !== undefined && same(actual, value);
    case 'ne':
      return !same(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((item) => same(item, actual));
    case 'contains':
      if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
      return Array.isArray(actual) && actual.some((item) => same(item, value));
    case 'gt':
    case 'lt': {
      const comparable =
        (typeof actual === 'number' && typeof value === 'number') ||
        (typeof actual === 'string' && typeof value === 'string');
      if (!comparable) return false;
      return op === 'gt' ? (actual as never) > (value as never) : (actual as never) < (value as never);
    }
  }
}

export interface EventFilter {
  pattern: string;
  conditions: PayloadCondition[];
  expression: string | null;
}

/** A filter compiled once: the pattern, then every condition, then the CEL expression (`event.*`). */
export function compileFilter({ pattern, conditions, expression }: EventFilter) {
  const matchesType = compilePattern(pattern);
  return {
    matchesType,
    /** Whether the event passes; an expression that fails on this event throws (the caller logs it). */
    passes(event: AnyBusEvent): boolean {
      if (!matchesType(event.type)) return false;
      if (!conditions.every((condition) => conditionHolds(event.data, condition))) return false;
      return expression === null || holds(expression, { event: eventView(event) });
    },
  };
}
