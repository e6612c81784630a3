import { type Dialogue, turn } from './dialogue.js';

/** Priority and tags, said many ways. */
export const priorityAndTags: Dialogue[] = [
  {
    name: 'priority: words for high and low',
    seed: ['Call the plumber', 'Call mom', 'Buy milk', 'File taxes'],
    turns: [
      turn('change the plumber task to high priority', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom',
        'Buy milk',
        'File taxes',
      ]),
      turn('set call mom priority to high', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · high',
        'Buy milk',
        'File taxes',
      ]),
      turn('make buy milk low priority', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · high',
        'Buy milk · low',
        'File taxes',
      ]),
      turn('file taxes is urgent', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · high',
        'Buy milk · low',
        'File taxes · high',
      ]),
      turn('make it normal priority', 'update_task', [
        'Call the plumber · high',
        'Call mom · high',
        'Buy milk · low',
        'File taxes',
      ]),
      turn('prioritize buy milk', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · high',
        'Buy milk · high',
        'File taxes',
      ]),
      turn('lower the priority of call mom', 'search_tasks update_task', [
        'Call the plumber · high',
        'Call mom · low',
        'Buy milk · high',
        'File taxes',
      ]),
      turn('set the priority of the plumber task to medium', 'search_tasks update_task', [
        'Call the plumber',
        'Call mom · low',
        'Buy milk · high',
        'File taxes',
      ]),
    ],
  },
  {
    name: 'priority: “it” after adding',
    turns: [
      turn('add renew the car insurance', 'add_task', ['Renew the car insurance']),
      turn('make it urgent', 'update_task', ['Renew the car insurance · high'], 'high priority'),
      turn('actually make it low priority', 'update_task', ['Renew the car insurance · low']),
      turn('mark it as important', 'update_task', ['Renew the car insurance · high']),
    ],
  },
  {
    name: 'tags: add and remove',
    seed: ['Send invoices', 'Buy milk'],
    turns: [
      turn('tag send invoices work', 'search_tasks update_task', ['Send invoices · #work', 'Buy milk']),
      turn('tag it urgent-ish', 'update_task', ['Send invoices · #work #urgent-ish', 'Buy milk']),
      turn('remove the urgent-ish tag from it', 'update_task', ['Send invoices · #work', 'Buy milk']),
      turn('tag buy milk with #home and #shopping', 'search_tasks update_task', [
        'Send invoices · #work',
        'Buy milk · #home #shopping',
      ]),
      turn('add the tag errands to it', 'update_task', [
        'Send invoices · #work',
        'Buy milk · #home #shopping #errands',
      ]),
      turn('untag it shopping', 'update_task', ['Send invoices · #work', 'Buy milk · #home #errands']),
    ],
  },
  {
    name: 'tags: a tag already there',
    seed: ['Send invoices · #work'],
    turns: [turn('tag send invoices work', 'search_tasks', undefined, 'already tagged #work')],
  },
];
