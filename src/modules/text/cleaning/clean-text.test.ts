import { describe, expect, it } from 'vitest';
import { cleanText, normalizeWhitespace } from './clean-text.js';

const nothing = {
  removeUrls: false,
  removeEmails: false,
  removeNumbers: false,
  removePunctuation: false,
  toLowercase: false,
  normalizeWhitespace: false,
};

describe('cleanText', () => {
  it('removes web and e-mail addresses, with or without a scheme, and counts them', () => {
    const text =
      'Write to ana@example.org or see https://example.com/a?b=1, www.test.org and example.net today.';
    const cleaned = cleanText(text, {
      ...nothing,
      removeUrls: true,
      removeEmails: true,
      normalizeWhitespace: true,
    });
    expect(cleaned.text).toBe('Write to or see , and today.');
    expect(cleaned.removed).toMatchObject({ urls: 3, emails: 1 });
  });

  it('removes only the kind of address asked for', () => {
    const cleaned = cleanText('ana@example.org https://example.com', { ...nothing, removeEmails: true });
    expect(cleaned.text).toBe(' https://example.com');
  });

  it('removes numbers with their separators, then punctuation, then lower-cases', () => {
    const cleaned = cleanText('In 2024, Ana paid 1,250.50 € — “not bad”!', {
      ...nothing,
      removeNumbers: true,
      removePunctuation: true,
      toLowercase: true,
      normalizeWhitespace: true,
    });
    expect(cleaned.text).toBe('in ana paid € not bad');
    expect(cleaned.removed).toMatchObject({ numbers: 2, punctuation: 5 });
  });
});

describe('normalizeWhitespace', () => {
  it('collapses spaces and tabs, trims lines and keeps paragraphs apart by one empty line', () => {
    expect(normalizeWhitespace('  One\t\t two  \r\n three \n\n\n\n Four\u00a0 five ')).toBe(
      'One two\nthree\n\nFour five',
    );
  });
});
