import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze-sentiment.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const labelOf = async (text: string) => (await analyzeSentiment({ text, context })).label;

/** Written for this test: reviews and notes whose tone a reader would not dispute. */
const samples = {
  positive: [
    'The hotel staff were wonderful and the room was clean and comfortable. We loved our stay.',
    'What a fantastic concert! The band was brilliant and the crowd was happy all night.',
    'Thank you for the quick help, the new version works perfectly and I am very pleased.',
    'Our team won the final, and everyone celebrated the great success together.',
    'This book is a delight: funny, warm and beautifully written.',
    'The garden looks lovely this spring, and the neighbours admire it every day.',
    'She was proud of her students, who did an excellent job on the project.',
    'A friendly welcome, fresh bread and a beautiful view: the perfect morning.',
  ],
  negative: [
    'The food was awful and the waiter was rude. A terrible evening that we regret.',
    'The update broke everything, the app crashes constantly and support ignored my complaint.',
    'I am angry and disappointed: the parcel arrived damaged and late.',
    'The film was boring, the plot was stupid and the acting was bad.',
    'Heavy traffic, a failed exam and a lost wallet made it a miserable day.',
    'The hotel was dirty, noisy and far too expensive; never again.',
    'He was sad and lonely after the accident destroyed his workshop.',
    'The meeting was a waste of time and the manager blamed us for his own mistakes.',
  ],
  neutral: [
    'The meeting is scheduled for Tuesday at ten in room four.',
    'The train leaves from platform two and stops at every station.',
    'Water boils at one hundred degrees Celsius at sea level.',
    'The report has three chapters and an appendix with tables.',
    'Please send the invoice to the accounting department by Friday.',
    'The library opens at nine and closes at six on weekdays.',
    'The bridge is four hundred metres long and was built in 1932.',
    'Add two cups of flour and one cup of milk to the bowl.',
  ],
};

describe('analyzeSentiment', () => {
  // AFINN scores words out of context — "please" counts +1 and "stops" −1 even in a timetable — and
  // the label follows the sign of the score, so a neutral text with one such word is misread: 90%
  // overall and 6 of 8 in each class are required (measured: 8, 8 and 6 of 8).
  it('labels clearly positive, negative and neutral texts as such', async () => {
    const correct: Record<string, number> = {};
    for (const [label, texts] of Object.entries(samples)) {
      const labels = await Promise.all(texts.map(labelOf));
      correct[label] = labels.filter((found) => found === label).length;
    }
    for (const count of Object.values(correct)) expect(count).toBeGreaterThanOrEqual(6);
    const total = Object.values(correct).reduce((sum, count) => sum + count, 0);
    expect(total / 24).toBeGreaterThanOrEqual(0.9);
  });

  it('reports the words that drove the score, strongest first, with their AFINN values', async () => {
    const analysis = await analyzeSentiment({
      text: 'The food was awful and the waiter was rude, but the dessert was good. Good coffee too.',
      context,
    });
    expect(analysis.positive_words).toEqual([{ word: 'good', score: 3, count: 2 }]);
    expect(analysis.negative_words).toEqual([
      { word: 'awful', score: -3, count: 1 },
      { word: 'rude', score: -2, count: 1 },
    ]);
    expect(analysis.score).toBe(1);
    expect(analysis.comparative).toBeCloseTo(1 / analysis.tokens);
  });

  it('flips a word after a negator, within its sentence only', async () => {
    const analysis = await analyzeSentiment({ text: 'I do not like it. Like the old one.', context });
    expect(analysis.sentences.map((sentence) => sentence.score)).toEqual([-2, 2]);
    expect(analysis.label).toBe('neutral');
  });
});
