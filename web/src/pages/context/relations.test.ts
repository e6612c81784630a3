import { describe, expect, it } from 'vitest';
import { relationsOf } from './relations';

describe('who wrote what in a context space', () => {
  it('joins each user and surface to the keys they wrote, counting repeat writes', () => {
    const nameOf = (id: string | null) => (id === 'u1' ? 'you' : (id ?? 'the server'));
    const relations = relationsOf({
      writes: [
        { userId: 'u1', via: 'http', key: 'plan' },
        { userId: 'u1', via: 'http', key: 'plan' },
        { userId: 'u1', via: 'workflow', key: 'findings/market' },
      ],
      entries: [
        { key: 'plan', updated_by: 'u1' },
        { key: 'old', updated_by: 'u2' },
      ],
      nameOf,
    });
    expect(relations.writers.map((writer) => writer.label)).toEqual([
      'you via http',
      'you via workflow',
      'u2',
    ]);
    expect(relations.keys).toEqual(['findings/market', 'old', 'plan']);
    expect(relations.links).toContainEqual({ writer: 'u1:http', key: 'plan', count: 2 });
    expect(relations.links).toContainEqual({ writer: 'u2:', key: 'old', count: 1 });
  });
});
