import { describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../bus/events.js';
import { compileFilter, conditionHolds } from './event-filter.js';

const data = { total: 150, region: 'eu', tags: ['vip', 'new'], customer: { name: 'Ada Lovelace' } };

describe('payload conditions', () => {
  it.each([
    [{ path: 'total', op: 'gt', value: 100 }, true],
    [{ path: 'total', op: 'lt', value: 100 }, false],
    [{ path: 'total', op: 'gt', value: '100' }, false],
    [{ path: 'region', op: 'eq', value: 'eu' }, true],
    [{ path: 'region', op: 'ne', value: 'eu' }, false],
    [{ path: 'missing', op: 'ne', value: 'eu' }, true],
    [{ path: 'region', op: 'in', value: ['us', 'eu'] }, true],
    [{ path: 'region', op: 'in', value: 'eu' }, false],
    [{ path: 'tags', op: 'contains', value: 'vip' }, true],
    [{ path: 'customer.name', op: 'contains', value: 'Love' }, true],
    [{ path: 'customer.name', op: 'exists' }, true],
    [{ path: 'customer.age', op: 'exists' }, false],
    [{ path: 'tags.length', op: 'exists' }, false],
    [{ path: 'tags.1', op: 'eq', value: 'new' }, true],
  ] as const)('%o holds: %s', (condition, expected) => {
    expect(conditionHolds(data, condition)).toBe(expected);
  });
});

describe('a compiled filter', () => {
  const event = (type: string, payload: object) =>
    ({ id: '1', type, at: new Date(), actor: { userId: 'u', via: 'http' }, data: payload }) as AnyBusEvent;
  const filter = compileFilter({
    pattern: 'custom.order.*',
    conditions: [{ path: 'total', op: 'gt', value: 100 }],
    expression: '"vip" in event.data.tags',
  });

  it('needs the pattern, every condition and the expression', () => {
    expect(filter.passes(event('custom.order.paid', data))).toBe(true);
    expect(filter.passes(event('custom.invoice.paid', data))).toBe(false);
    expect(filter.passes(event('custom.order.paid', { ...data, total: 5 }))).toBe(false);
    expect(filter.passes(event('custom.order.paid', { ...data, tags: [] }))).toBe(false);
  });
});
