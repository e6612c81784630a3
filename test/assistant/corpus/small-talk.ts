import { answer, type Dialogue } from './dialogue.js';

/** Small talk, thanks, help, and what the assistant does not understand. */
export const smallTalk: Dialogue[] = [
  {
    name: 'small talk: one short sentence',
    turns: [
      answer('thanks!', /^You’re welcome[^\n]*$/),
      answer('thank you so much', /^You’re welcome[^\n]*$/),
      answer('hi', /^Hi[^\n]*$/),
      answer('good morning', /^Good morning[^\n]*$/),
      answer('how are you?', /^[^\n]+$/),
      answer('great', /^[^\n]+$/),
      answer('ok', /^[^\n]+$/),
      answer('bye', /^[^\n]+$/),
      answer('you are awesome', /^[^\n]+$/),
      answer('lol', /^[^\n]+$/),
    ],
  },
  {
    name: 'small talk: help is the help text',
    turns: [
      answer('help', 'built-in offline assistant'),
      answer('what can you do?', 'built-in offline assistant'),
    ],
  },
  {
    name: 'unknown: one sentence and three suggestions tailored to what was said',
    turns: [
      answer(
        'tell me a joke about penguins',
        /^I did not understand that\.[^\n]*\n\n- [^\n]+\n- [^\n]+\n- [^\n]+$/,
      ),
      answer('what’s the weather tomorrow?', /what’s due tomorrow/),
      answer('bananas', /add bananas/i),
      answer('schedule a meeting with Ana', /remind me to/i),
      answer('can you book me a flight', /add/i),
    ],
  },
];
