import { type Dialogue, turn } from './dialogue.js';

/** Changes to many tasks at once; a destructive one waits for one approval that lists them all. */
export const bulk: Dialogue[] = [
  {
    name: 'bulk: mark all of today’s tasks done',
    seed: [
      'Call mom · due 2026-12-06',
      'Pay rent · due 2026-12-06 18:00',
      'Book flights · due 2026-12-10',
      'Water the plants',
    ],
    turns: [
      turn(
        'mark all of today’s tasks done',
        'list_tasks complete_task complete_task',
        [
          '✓ Call mom · due 2026-12-06',
          '✓ Pay rent · due 2026-12-06 18:00',
          'Book flights · due 2026-12-10',
          'Water the plants',
        ],
        'Marked 2 tasks done',
      ),
      turn('undo that', 'update_task update_task', [
        'Call mom · due 2026-12-06',
        'Pay rent · due 2026-12-06 18:00',
        'Book flights · due 2026-12-10',
        'Water the plants',
      ]),
    ],
  },
  {
    name: 'bulk: delete all completed tasks, approved',
    seed: ['✓ Buy milk · due 2026-12-01', '✓ Pay rent', 'Call mom'],
    turns: [
      turn(
        'delete all completed tasks',
        'list_tasks delete_tasks',
        undefined,
        /Pay rent[\s\S]*Buy milk — due Tue 1 Dec/,
      ),
      turn('(approve)', '', ['Call mom'], 'Deleted 2 tasks'),
      turn(
        'undo that',
        'add_task add_task',
        ['Buy milk · due 2026-12-01', 'Pay rent', 'Call mom'],
        'Restored 2 tasks',
      ),
    ],
  },
  {
    name: 'bulk: delete all completed tasks, refused',
    seed: ['✓ Buy milk', 'Call mom'],
    turns: [
      turn('clear my completed tasks', 'list_tasks delete_task', undefined, 'Buy milk'),
      turn('(deny)', '', ['✓ Buy milk', 'Call mom'], 'Nothing changed'),
    ],
  },
  {
    name: 'bulk: nothing to delete',
    seed: ['Call mom'],
    turns: [turn('delete all completed tasks', 'list_tasks', undefined, 'no completed tasks')],
  },
  {
    name: 'bulk: mark all my tasks as done',
    seed: ['Buy milk', 'Call mom', '✓ Pay rent'],
    turns: [
      turn('mark all my tasks as done', 'list_tasks complete_task complete_task', [
        '✓ Buy milk',
        '✓ Call mom',
        '✓ Pay rent',
      ]),
      turn('how many are left?', 'list_tasks', undefined, 'no tasks to do'),
    ],
  },
  {
    name: 'bulk: everything is already done',
    seed: ['✓ Pay rent'],
    turns: [turn('mark everything done', 'list_tasks', undefined, 'Nothing left to do')],
  },
  {
    name: 'bulk: delete them, after a search',
    seed: ['Buy milk', 'Buy eggs', 'Call mom'],
    turns: [
      turn('find tasks about buy', 'search_tasks'),
      turn('delete them', 'delete_tasks', undefined, /Buy (milk|eggs)[\s\S]*Buy (milk|eggs)/),
      turn('(approve)', '', ['Call mom'], 'Deleted 2 tasks'),
    ],
  },
  {
    name: 'bulk: delete all tasks tagged work',
    seed: ['Send invoices · #work', 'Fix the printer · #work', 'Buy milk'],
    turns: [turn('delete all my work tasks', 'list_tasks delete_tasks'), turn('(approve)', '', ['Buy milk'])],
  },
  {
    name: 'bulk: move all of today’s tasks to tomorrow',
    seed: ['Call mom · due 2026-12-06', 'Pay rent · due 2026-12-04', 'Water the plants'],
    turns: [
      turn('move all of today’s tasks to tomorrow', 'list_tasks update_task update_task', [
        'Call mom · due 2026-12-07',
        'Pay rent · due 2026-12-07',
        'Water the plants',
      ]),
      turn('undo that', 'update_task update_task', [
        'Call mom · due 2026-12-06',
        'Pay rent · due 2026-12-04',
        'Water the plants',
      ]),
    ],
  },
  {
    name: 'bulk: mark all overdue tasks done',
    seed: ['Pay rent · due 2026-12-04', 'File taxes · due 2026-12-01', 'Call mom · due 2026-12-08'],
    turns: [
      turn('mark all overdue tasks done', 'list_tasks complete_task complete_task', [
        '✓ Pay rent · due 2026-12-04',
        '✓ File taxes · due 2026-12-01',
        'Call mom · due 2026-12-08',
      ]),
    ],
  },
];
