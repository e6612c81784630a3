import { answer, type Dialogue, turn } from './dialogue.js';

const week = [
  'Pay rent · due 2026-12-03',
  'Call mom · due 2026-12-06',
  'Buy a gift · due 2026-12-07',
  'Book flights · due 2026-12-10',
  'Renew passport · due 2026-12-20',
  'Water the plants',
  '✓ Send the card · due 2026-12-05',
];

/** The first questions a todo user asks. */
export const questions: Dialogue[] = [
  {
    name: 'questions: what is on my list',
    seed: ['Buy milk', 'Call mom', '✓ Pay rent'],
    turns: [
      turn('what are my tasks?', 'list_tasks', undefined, 'You have 2 pending tasks'),
      turn('what’s on my plate?', 'list_tasks', undefined, 'You have 2 pending tasks'),
      turn('what do I need to do?', 'list_tasks', undefined, 'Call mom'),
      turn('show me everything', 'list_tasks', undefined, /Pay rent/),
      turn('what have I finished?', 'list_tasks', undefined, /Pay rent/),
      turn('my tasks', 'list_tasks', undefined, 'Buy milk'),
      turn('what’s left?', 'list_tasks', undefined, 'Buy milk'),
      turn('anything to do?', 'list_tasks', undefined, 'Buy milk'),
      turn('do I have any tasks?', 'list_tasks', undefined, 'Buy milk'),
      turn('what’s next?', 'list_tasks', undefined, 'Buy milk'),
    ],
  },
  {
    name: 'questions: an empty list',
    turns: [
      turn('what are my tasks?', 'list_tasks', undefined, 'Nothing left to do'),
      turn('how many tasks do I have?', 'list_tasks', undefined, 'no tasks'),
      turn('anything due today?', 'list_tasks', undefined, 'Nothing is due today'),
      turn('what’s overdue?', 'list_tasks', undefined, 'Nothing is overdue'),
    ],
  },
  {
    name: 'questions: due today, tomorrow, this week, overdue',
    seed: week,
    turns: [
      turn(
        'anything due today?',
        'list_tasks',
        undefined,
        /Due today:\n\n1\. Call mom[\s\S]*Overdue:\n\n2\. Pay rent/,
      ),
      turn('what do I have to do today?', 'list_tasks', undefined, /Call mom[\s\S]*Pay rent/),
      turn('what’s due tomorrow?', 'list_tasks', undefined, /Buy a gift/),
      turn('anything due tomorrow?', 'list_tasks', undefined, /^Due tomorrow:\n\n1\. Buy a gift[^\n]*$/),
      turn('what’s due this week?', 'list_tasks', undefined, /Book flights/),
      turn('anything overdue?', 'list_tasks', undefined, /^Overdue:\n\n1\. Pay rent[^\n]*$/),
      turn('which tasks are overdue?', 'list_tasks', undefined, 'Pay rent'),
      turn('what’s due next week?', 'list_tasks', undefined, /Book flights/),
      turn('what’s coming up?', 'list_tasks', undefined, /Renew passport/),
      turn('mark the first one done', 'complete_task', [
        'Pay rent · due 2026-12-03',
        '✓ Call mom · due 2026-12-06',
        'Buy a gift · due 2026-12-07',
        'Book flights · due 2026-12-10',
        'Renew passport · due 2026-12-20',
        'Water the plants',
        '✓ Send the card · due 2026-12-05',
      ]),
    ],
  },
  {
    name: 'questions: this week on a Wednesday',
    now: '2026-12-09T09:00:00Z',
    seed: week,
    turns: [
      turn('what’s due this week?', 'list_tasks', undefined, /Book flights/),
      answer('thank you', /welcome/),
    ],
  },
  {
    name: 'questions: how many',
    seed: ['Buy milk', 'Call mom', '✓ Pay rent', 'Water the plants · due 2026-12-05'],
    turns: [
      turn('how many tasks do I have?', 'list_tasks', undefined, 'You have 3 tasks to do'),
      turn('how many are done?', 'list_tasks', undefined, 'You have finished 1 task'),
      turn('how many tasks are overdue?', 'list_tasks', undefined, '1 task is overdue'),
      turn('how many tasks are left?', 'list_tasks', undefined, '3 tasks'),
    ],
  },
  {
    name: 'questions: is it done?',
    seed: ['Buy milk', '✓ Call the plumber'],
    turns: [
      turn('is the milk task done?', 'search_tasks', undefined, '“Buy milk” is not done yet'),
      turn('did I call the plumber?', 'search_tasks', undefined, '“Call the plumber” is done'),
      turn('is the dentist done?', 'search_tasks', undefined, 'could not find'),
    ],
  },
  {
    name: 'questions: what did I just do',
    seed: ['Pay rent'],
    turns: [
      answer('what did I just add?', /have not added/),
      turn('add buy stamps', 'add_task', ['Pay rent', 'Buy stamps']),
      answer('what did I just add?', '“Buy stamps”'),
      turn('add post the letter', 'add_task', ['Pay rent', 'Buy stamps', 'Post the letter']),
      answer('what was the last task I added?', '“Post the letter”'),
    ],
  },
  {
    name: 'questions: tags',
    seed: ['Send invoices · #work', 'Buy milk · #home', 'Fix the printer · #work'],
    turns: [
      turn('show my #work tasks', 'list_tasks', undefined, /Fix the printer[\s\S]*Send invoices/),
      turn('show tasks tagged home', 'list_tasks', undefined, 'Buy milk'),
      turn('what’s tagged work?', 'list_tasks', undefined, 'Send invoices'),
    ],
  },
  {
    name: 'questions: high priority',
    seed: ['Send invoices · high', 'Buy milk', 'File taxes · high'],
    turns: [
      turn('what’s urgent?', 'list_tasks', undefined, /File taxes[\s\S]*Send invoices/),
      turn('show my high priority tasks', 'list_tasks', undefined, /File taxes/),
    ],
  },
];
