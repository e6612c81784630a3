import { describe, expect, it } from 'vitest';
import { applyMergePatch, diffJson, mergeConflicts } from './json-merge.js';

describe('JSON Merge Patch', () => {
  // The examples of RFC 7386, appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('patches %j with %j into %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it('keeps a field named __proto__ a field', () => {
    const patched = applyMergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as object;
    expect(Object.keys(patched)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('a three-way merge check', () => {
  const base = { goal: 'ship', owner: 'ann', steps: { a: 1, b: 2 } };

  it('finds nothing when the other writer changed other fields', () => {
    const theirs = { goal: 'ship it', owner: 'ann', steps: { a: 1, b: 3 } };
    expect(mergeConflicts({ base, theirs, patch: { owner: 'bea', steps: { a: null } } })).toEqual([]);
  });

  it('accepts the same change made by both', () => {
    const theirs = { ...base, owner: 'bea' };
    expect(mergeConflicts({ base, theirs, patch: { owner: 'bea' } })).toEqual([]);
  });

  it('reports each field both changed differently, by JSON Pointer', () => {
    const theirs = { goal: 'wait', steps: { a: 5, b: 2 } };
    expect(mergeConflicts({ base, theirs, patch: { goal: 'go', owner: 'cy', steps: { a: 9 } } })).toEqual([
      { path: '/goal', yours: 'go', theirs: 'wait' },
      { path: '/owner', yours: 'cy', theirs: undefined },
      { path: '/steps/a', yours: 9, theirs: 5 },
    ]);
  });

  it('sees a whole field replaced under a patch of one of its parts', () => {
    expect(mergeConflicts({ base, theirs: { ...base, steps: 'none' }, patch: { steps: { a: 2 } } })).toEqual([
      { path: '/steps/a', yours: 2, theirs: undefined },
    ]);
  });
});

describe('a diff', () => {
  it('says what changed field by field, in RFC 6902 operations', () => {
    expect(
      diffJson({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: 1, b: { c: 4 }, e: [1, 2], 'f/g': true }),
    ).toEqual([
      { op: 'replace', path: '/b/c', value: 4 },
      { op: 'remove', path: '/b/d' },
      { op: 'replace', path: '/e', value: [1, 2] },
      { op: 'add', path: '/f~1g', value: true },
    ]);
  });
});
