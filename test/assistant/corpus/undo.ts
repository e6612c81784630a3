import { answer, type Dialogue, turn } from './dialogue.js';

/** “Undo that”: the last change, taken back from what the conversation showed. */
export const undo: Dialogue[] = [
  {
    name: 'undo: a delete brings the task back with its fields',
    seed: ['File taxes · due 2026-12-15 · high · #money'],
    turns: [
      turn('delete the taxes task', 'search_tasks delete_task'),
      turn('(approve)', '', [], 'Deleted “File taxes”'),
      turn('undo that', 'add_task', ['File taxes · due 2026-12-15 · high · #money'], 'Restored “File taxes”'),
    ],
  },
  {
    name: 'undo: a completion reopens the task',
    seed: ['Buy milk'],
    turns: [
      turn('I bought milk', 'search_tasks complete_task', ['✓ Buy milk']),
      turn('oops, undo', 'update_task', ['Buy milk'], 'open again'),
    ],
  },
  {
    name: 'undo: a rename brings the old title back',
    seed: ['Buy milk'],
    turns: [
      turn('rename buy milk to buy oat milk', 'search_tasks update_task', ['Buy oat milk']),
      turn('undo', 'update_task', ['Buy milk']),
    ],
  },
  {
    name: 'undo: a move brings the old date back',
    seed: ['Dentist · due 2026-12-08 14:30'],
    turns: [
      turn('move the dentist to Friday', 'search_tasks update_task', ['Dentist · due 2026-12-11']),
      turn('undo that', 'update_task', ['Dentist · due 2026-12-08 14:30']),
    ],
  },
  {
    name: 'undo: a priority change',
    seed: ['Call the bank'],
    turns: [
      turn('make call the bank urgent', 'search_tasks update_task', ['Call the bank · high']),
      turn('undo that change', 'update_task', ['Call the bank']),
    ],
  },
  {
    name: 'undo: an add, after approval',
    turns: [
      turn('add buy stamps', 'add_task', ['Buy stamps']),
      turn('undo that', 'delete_task'),
      turn('(approve)', '', []),
    ],
  },
  {
    name: 'undo: nothing to undo',
    seed: ['Buy milk'],
    turns: [answer('undo that', /nothing to undo/i)],
  },
  {
    name: 'undo: only the last change',
    seed: ['Buy milk', 'Call mom'],
    turns: [
      turn('mark buy milk done', 'search_tasks complete_task', ['✓ Buy milk', 'Call mom']),
      turn('mark call mom done', 'search_tasks complete_task', ['✓ Buy milk', '✓ Call mom']),
      turn('undo that', 'update_task', ['✓ Buy milk', 'Call mom'], 'Call mom'),
    ],
  },
  {
    name: 'undo: a tag change',
    seed: ['Send invoices'],
    turns: [
      turn('tag send invoices work', 'search_tasks update_task', ['Send invoices · #work']),
      turn('undo that', 'update_task', ['Send invoices']),
    ],
  },
];
