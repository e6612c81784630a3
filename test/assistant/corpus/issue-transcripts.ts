import { answer, type Dialogue, turn } from './dialogue.js';

/** Every transcript of issue 17's trial, as it should have gone. */
export const issueTranscripts: Dialogue[] = [
  {
    name: 'issue: “it” after adding, through every change',
    turns: [
      turn('add a task to buy milk tomorrow', 'add_task', ['Buy milk · due 2026-12-07'], 'Added “Buy milk”'),
      turn('mark it as done', 'complete_task', ['✓ Buy milk · due 2026-12-07'], 'Done: “Buy milk”'),
      turn('undo that', 'update_task', ['Buy milk · due 2026-12-07'], 'open again'),
      turn('postpone it to next week', 'update_task', ['Buy milk · due 2026-12-14']),
      turn(
        'rename it to buy oat milk',
        'update_task',
        ['Buy oat milk · due 2026-12-14'],
        'Renamed it “Buy oat milk”',
      ),
      turn('delete it', 'delete_task', undefined, 'Buy oat milk'),
      turn('(approve)', '', [], 'Deleted “Buy oat milk”'),
    ],
  },
  {
    name: 'issue: “and add one for eggs too”',
    turns: [
      turn('add a task to buy milk tomorrow', 'add_task', ['Buy milk · due 2026-12-07']),
      turn('and add one for eggs too', 'add_task', [
        'Buy milk · due 2026-12-07',
        'Buy eggs · due 2026-12-07',
      ]),
    ],
  },
  {
    name: 'issue: the first questions',
    seed: ['Buy milk · due 2026-12-07', 'Call mom'],
    turns: [
      turn('what are my tasks?', 'list_tasks', undefined, 'You have 2 pending tasks'),
      turn('how many tasks do I have?', 'list_tasks', undefined, 'You have 2 tasks'),
      turn('add water the plants', 'add_task', ['Buy milk · due 2026-12-07', 'Call mom', 'Water the plants']),
      answer('what did I just add?', 'Water the plants'),
      turn('undo that', 'delete_task', undefined, 'Water the plants'),
      turn('(approve)', '', ['Buy milk · due 2026-12-07', 'Call mom']),
      answer('thanks!', /^You’re welcome/),
    ],
  },
  {
    name: 'issue: priority in words',
    seed: ['Call the plumber', 'Call mom'],
    turns: [
      turn('change the plumber task to high priority', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom',
      ]),
      turn('set call mom priority to high', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · high',
      ]),
    ],
  },
  {
    name: 'issue: bulk actions',
    seed: ['✓ Buy milk', '✓ Pay rent', 'Call mom', 'Water the plants'],
    turns: [
      turn('delete all completed tasks', 'list_tasks delete_tasks', undefined, /Pay rent[\s\S]*Buy milk/),
      turn('(approve)', '', ['Call mom', 'Water the plants'], 'Deleted 2 tasks'),
      turn('mark all my tasks as done', 'list_tasks complete_task complete_task', [
        '✓ Call mom',
        '✓ Water the plants',
      ]),
    ],
  },
  {
    name: 'issue: dates as people mean them',
    seed: [
      'Call mom · due 2026-12-06',
      'Pay rent · due 2026-12-03',
      'Book flights · due 2026-12-10',
      'Renew passport · due 2026-12-20',
    ],
    turns: [
      turn('I need to pick up the kids at 5', 'add_task', [
        'Call mom · due 2026-12-06',
        'Pay rent · due 2026-12-03',
        'Book flights · due 2026-12-10',
        'Renew passport · due 2026-12-20',
        'Pick up the kids · due 2026-12-06 17:00',
      ]),
      turn('what’s due this week?', 'list_tasks', undefined, /Book flights/),
      turn('what do I have to do today?', 'list_tasks', undefined, /Call mom[\s\S]*Overdue[\s\S]*Pay rent/),
      turn('postpone call mom to next week', 'search_tasks update_task', [
        'Call mom · due 2026-12-13',
        'Pay rent · due 2026-12-03',
        'Book flights · due 2026-12-10',
        'Renew passport · due 2026-12-20',
        'Pick up the kids · due 2026-12-06 17:00',
      ]),
    ],
  },
  {
    name: 'issue: a rename keeps the casing',
    seed: ['Buy milk'],
    turns: [turn('rename buy milk to buy oat milk', 'search_tasks update_task', ['Buy oat milk'])],
  },
];
