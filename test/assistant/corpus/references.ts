import { answer, type Dialogue, turn } from './dialogue.js';

/** What “it”, “them”, “the second one”, “the milk one” point at: read from the conversation. */
export const references: Dialogue[] = [
  {
    name: 'references: “it” is the task just added',
    turns: [
      turn('add call the bank', 'add_task', ['Call the bank']),
      turn('make it urgent', 'update_task', ['Call the bank · high']),
      turn('tag it work', 'update_task', ['Call the bank · high · #work']),
      turn('move it to Friday', 'update_task', ['Call the bank · due 2026-12-11 · high · #work']),
      turn('mark that done', 'complete_task', ['✓ Call the bank · due 2026-12-11 · high · #work']),
    ],
  },
  {
    name: 'references: “this one” and “that one” after a search',
    seed: ['Buy milk', 'Call the plumber'],
    turns: [
      turn('find tasks about plumber', 'search_tasks', undefined, 'Call the plumber'),
      turn('mark this one done', 'complete_task', ['Buy milk', '✓ Call the plumber']),
      turn('is the milk task done?', 'search_tasks', undefined, /not done/),
      turn('ok, mark that one done', 'complete_task', ['✓ Buy milk', '✓ Call the plumber']),
    ],
  },
  {
    name: 'references: the first and second one of a listing',
    seed: ['Buy milk', 'Call mom', 'Pay rent'],
    turns: [
      turn('show my tasks', 'list_tasks', undefined, '1. Pay rent'),
      turn('mark the first one done', 'complete_task', ['Buy milk', 'Call mom', '✓ Pay rent']),
      turn('delete the second one', 'delete_task', undefined, 'Call mom'),
      turn('(approve)', '', ['Buy milk', '✓ Pay rent']),
      turn('show my tasks', 'list_tasks', undefined, '1. Buy milk'),
      turn('rename the first one to Buy oat milk', 'update_task', ['Buy oat milk', '✓ Pay rent']),
    ],
  },
  {
    name: 'references: “it” is ambiguous after a list of several, so it asks',
    seed: ['Buy milk', 'Call mom'],
    turns: [
      turn('what are my tasks?', 'list_tasks'),
      answer('mark it done', /Which one/),
      turn('the second one', 'complete_task', ['✓ Buy milk', 'Call mom']),
    ],
  },
  {
    name: 'references: “it” after a list of one is that task',
    seed: ['Buy milk', 'Call mom · due 2026-12-06'],
    turns: [
      turn('what’s due today?', 'list_tasks', undefined, 'Call mom'),
      turn('push it to tomorrow', 'update_task', ['Buy milk', 'Call mom · due 2026-12-07']),
    ],
  },
  {
    name: 'references: “them”, “both” and “all of them”',
    seed: ['Buy milk', 'Buy eggs', 'Call mom'],
    turns: [
      turn('find tasks about buy', 'search_tasks', undefined, /2 tasks match/),
      turn('tag them shopping', 'update_task update_task', [
        'Buy milk · #shopping',
        'Buy eggs · #shopping',
        'Call mom',
      ]),
      turn('mark both done', 'complete_task complete_task', [
        '✓ Buy milk · #shopping',
        '✓ Buy eggs · #shopping',
        'Call mom',
      ]),
      turn('undo that', 'update_task update_task', [
        'Buy milk · #shopping',
        'Buy eggs · #shopping',
        'Call mom',
      ]),
      turn('show my tasks', 'list_tasks'),
      turn('mark all of them done', 'complete_task complete_task complete_task', [
        '✓ Buy milk · #shopping',
        '✓ Buy eggs · #shopping',
        '✓ Call mom',
      ]),
    ],
  },
  {
    name: 'references: “the milk one”',
    seed: ['Buy milk', 'Call mom'],
    turns: [
      turn('mark the milk one done', 'search_tasks complete_task', ['✓ Buy milk', 'Call mom']),
      turn('delete the mom one', 'search_tasks delete_task'),
      turn('(deny)', '', undefined, 'Nothing changed'),
    ],
  },
  {
    name: 'references: which one, when two tasks match the words',
    seed: ['Buy oat milk', 'Buy almond milk'],
    turns: [
      turn('I bought the milk', 'search_tasks', undefined, /Which one should I mark done/),
      turn('the second one', 'complete_task', ['✓ Buy oat milk', 'Buy almond milk']),
      turn('mark it as not done', 'update_task', ['Buy oat milk', 'Buy almond milk']),
    ],
  },
  {
    name: 'references: “it” survives an unrelated question',
    seed: ['Pay rent'],
    turns: [
      turn('add call the landlord', 'add_task', ['Pay rent', 'Call the landlord']),
      answer('thanks', /welcome/),
      turn('make it high priority', 'update_task', ['Pay rent', 'Call the landlord · high']),
    ],
  },
  {
    name: 'references: nothing to point at yet',
    turns: [answer('mark it done', /Which task/)],
  },
  {
    name: 'references: “it” is the task just renamed, moved or completed',
    seed: ['Buy milk', 'Call mom'],
    turns: [
      turn('rename call mom to Call Mum', 'search_tasks update_task', ['Buy milk', 'Call Mum']),
      turn('move it to tomorrow at 6pm', 'update_task', ['Buy milk', 'Call Mum · due 2026-12-07 18:00']),
      turn('complete it', 'complete_task', ['Buy milk', '✓ Call Mum · due 2026-12-07 18:00']),
      turn('reopen it', 'update_task', ['Buy milk', 'Call Mum · due 2026-12-07 18:00']),
    ],
  },
  {
    name: 'references: “the last one”',
    seed: ['Buy milk', 'Call mom', 'Pay rent'],
    turns: [
      turn('list my tasks', 'list_tasks'),
      turn('mark the last one done', 'complete_task', ['✓ Buy milk', 'Call mom', 'Pay rent']),
    ],
  },
  {
    name: 'references: number 2',
    seed: ['Buy milk', 'Call mom', 'Pay rent'],
    turns: [
      turn('show me my todo list', 'list_tasks'),
      turn('task 2 is done', 'complete_task', ['Buy milk', '✓ Call mom', 'Pay rent']),
      turn('make number 3 low priority', 'update_task', ['Buy milk · low', '✓ Call mom', 'Pay rent']),
    ],
  },
];
