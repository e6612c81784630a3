import { type Dialogue, turn } from './dialogue.js';

/** The same request said many ways, each in a dialogue of its own. */
const completeByWords = [
  'mark buy milk as done',
  'I bought the milk',
  'tick off buy milk',
  'done with buy milk',
  'buy milk is done',
  'complete buy milk',
  'check off the milk',
  'I’ve bought milk',
  'finished buy milk',
  'cross off milk',
];
const completeIt = [
  'mark it as done',
  'it’s done',
  'done',
  'I did it',
  'complete it',
  'tick it off',
  'mark that as complete',
  'that’s done',
  'finished it',
  'check it off',
];
const deleteIt = ['delete it', 'remove it', 'get rid of it', 'cancel it', 'drop that'];
const moveIt = [
  'move it to Friday',
  'reschedule it for Friday',
  'change it to Friday',
  'it’s due Friday',
  'make it due Friday',
];
const addPhrasings: [string, string][] = [
  ['add buy bread', 'Buy bread'],
  ['add a task: buy bread', 'Buy bread'],
  ['please add buy bread to my list', 'Buy bread'],
  ['remind me to buy bread', 'Buy bread'],
  ['I should buy bread', 'Buy bread'],
  ['I gotta buy bread', 'Buy bread'],
  ['new todo buy bread', 'Buy bread'],
  ['add “buy bread” to my todo list', 'buy bread'],
  ['can you remind me to buy bread', 'Buy bread'],
  ['add a reminder to buy bread', 'Buy bread'],
];
const listPhrasings = [
  'show my tasks',
  'list my todos',
  'what’s on my todo list?',
  'what should I do next?',
  'tasks',
  'what’s pending?',
  'give me my list',
  'show me what’s left',
  'what do I still have to do?',
  'what’s on my to-do list',
];

export const variations: Dialogue[] = [
  ...completeByWords.map((say): Dialogue => ({
    name: `variations: “${say}”`,
    seed: ['Buy milk', 'Call mom'],
    turns: [turn(say, 'search_tasks complete_task', ['✓ Buy milk', 'Call mom'])],
  })),
  ...completeIt.map((say): Dialogue => ({
    name: `variations: add, then “${say}”`,
    turns: [turn('add buy milk', 'add_task', ['Buy milk']), turn(say, 'complete_task', ['✓ Buy milk'])],
  })),
  ...deleteIt.map((say): Dialogue => ({
    name: `variations: add, then “${say}”`,
    turns: [
      turn('add buy milk', 'add_task', ['Buy milk']),
      turn(say, 'delete_task', undefined, 'Buy milk'),
      turn('(approve)', '', [], 'Deleted “Buy milk”'),
    ],
  })),
  ...moveIt.map((say): Dialogue => ({
    name: `variations: add, then “${say}”`,
    turns: [
      turn('add buy milk', 'add_task', ['Buy milk']),
      turn(say, 'update_task', ['Buy milk · due 2026-12-11']),
    ],
  })),
  ...addPhrasings.map(([say, title]): Dialogue => ({
    name: `variations: “${say}”`,
    turns: [turn(say, 'add_task', [title])],
  })),
  ...listPhrasings.map((say): Dialogue => ({
    name: `variations: “${say}”`,
    seed: ['Buy milk', '✓ Call mom'],
    turns: [turn(say, 'list_tasks', undefined, /^You have 1 pending task:\n\n1\. Buy milk$/)],
  })),
];
