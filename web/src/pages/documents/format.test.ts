import { describe, expect, it } from 'vitest';
import { formatBytes, snippetParts } from './format';

describe('document formatting', () => {
  it('splits a snippet into plain text and the matches the API marks «like this»', () => {
    expect(snippetParts('Plant «tomatoes» and «basil» in May')).toEqual([
      { text: 'Plant ', match: false },
      { text: 'tomatoes', match: true },
      { text: ' and ', match: false },
      { text: 'basil', match: true },
      { text: ' in May', match: false },
    ]);
  });

  it('writes sizes as people read them', () => {
    expect(formatBytes(81)).toBe('81 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
