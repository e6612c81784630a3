import { describe, expect, it } from 'vitest';
import { duplicateGroups } from './duplicate-groups';

describe('merge suggestions', () => {
  it('groups memories that say the same fact, whatever their case, accents and punctuation', () => {
    const groups = duplicateGroups([
      { id: '1', text: 'My manager is Dana.' },
      { id: '2', text: 'my manager is  dana' },
      { id: '3', text: 'That my manager is Daná' },
      { id: '4', text: 'I like tea' },
    ]);
    expect(groups.map((group) => group.map((memory) => memory.id))).toEqual([['1', '2', '3']]);
  });
});
