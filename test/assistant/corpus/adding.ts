import { type Dialogue, turn } from './dialogue.js';

/** Adding tasks: the title keeps the user's words and casing; only the leading verb phrase goes. */
export const adding: Dialogue[] = [
  {
    name: 'adding: the leading verb phrase goes, the rest stays',
    turns: [
      turn('add buy milk', 'add_task', ['Buy milk'], 'Added “Buy milk”'),
      turn('add Call Mom', 'add_task', ['Buy milk', 'Call Mom']),
      turn('remind me to email Dr. Lee about the X-ray', 'add_task', [
        'Buy milk',
        'Call Mom',
        'Email Dr. Lee about the X-ray',
      ]),
      turn('add a task to order an iPhone charger', 'add_task', [
        'Buy milk',
        'Call Mom',
        'Email Dr. Lee about the X-ray',
        'Order an iPhone charger',
      ]),
      turn('I need to renew the NHS prescription', 'add_task', [
        'Buy milk',
        'Call Mom',
        'Email Dr. Lee about the X-ray',
        'Order an iPhone charger',
        'Renew the NHS prescription',
      ]),
    ],
  },
  {
    name: 'adding: many ways to say it',
    turns: [
      turn('todo: water the plants', 'add_task', ['Water the plants']),
      turn('new task - fix the bike', 'add_task', ['Water the plants', 'Fix the bike']),
      turn('don’t let me forget to feed the cat', 'add_task', [
        'Water the plants',
        'Fix the bike',
        'Feed the cat',
      ]),
      turn('put wrap presents on my list', 'add_task', [
        'Water the plants',
        'Fix the bike',
        'Feed the cat',
        'Wrap presents',
      ]),
      turn('create a task called Quarterly report', 'add_task', [
        'Water the plants',
        'Fix the bike',
        'Feed the cat',
        'Wrap presents',
        'Quarterly report',
      ]),
      turn('can you add book the dentist please', 'add_task', [
        'Water the plants',
        'Fix the bike',
        'Feed the cat',
        'Wrap presents',
        'Quarterly report',
        'Book the dentist',
      ]),
      turn('I have to return the library books', 'add_task', [
        'Water the plants',
        'Fix the bike',
        'Feed the cat',
        'Wrap presents',
        'Quarterly report',
        'Book the dentist',
        'Return the library books',
      ]),
    ],
  },
  {
    name: 'adding: with dates, priority and tags',
    turns: [
      turn('add pay rent on Friday', 'add_task', ['Pay rent · due 2026-12-11']),
      turn('remind me to call Sam tomorrow at 9am', 'add_task', [
        'Pay rent · due 2026-12-11',
        'Call Sam · due 2026-12-07 09:00',
      ]),
      turn('add send invoices #work urgent', 'add_task', [
        'Pay rent · due 2026-12-11',
        'Call Sam · due 2026-12-07 09:00',
        'Send invoices · high · #work',
      ]),
      turn('add tidy the garage with low priority', 'add_task', [
        'Pay rent · due 2026-12-11',
        'Call Sam · due 2026-12-07 09:00',
        'Send invoices · high · #work',
        'Tidy the garage · low',
      ]),
      turn('add submit the report by the 15th', 'add_task', [
        'Pay rent · due 2026-12-11',
        'Call Sam · due 2026-12-07 09:00',
        'Send invoices · high · #work',
        'Tidy the garage · low',
        'Submit the report · due 2026-12-15',
      ]),
    ],
  },
  {
    name: 'adding: “same for …” and “one for … too”',
    turns: [
      turn('remind me to call mom on Friday', 'add_task', ['Call mom · due 2026-12-11']),
      turn(
        'same for dad',
        'add_task',
        ['Call mom · due 2026-12-11', 'Call dad · due 2026-12-11'],
        'Added “Call dad”',
      ),
      turn('and one for grandma too', 'add_task', [
        'Call mom · due 2026-12-11',
        'Call dad · due 2026-12-11',
        'Call grandma · due 2026-12-11',
      ]),
    ],
  },
  {
    name: 'adding: “one for … too” keeps the tags and priority',
    turns: [
      turn('add buy apples #shopping', 'add_task', ['Buy apples · #shopping']),
      turn('add one for pears too', 'add_task', ['Buy apples · #shopping', 'Buy pears · #shopping']),
      turn('same for bananas', 'add_task', [
        'Buy apples · #shopping',
        'Buy pears · #shopping',
        'Buy bananas · #shopping',
      ]),
      turn('what did I just add?', '', undefined, 'Buy bananas'),
    ],
  },
  {
    name: 'adding: a quoted title is kept exactly',
    turns: [
      turn('add "read chapter 3 of SICP"', 'add_task', ['read chapter 3 of SICP']),
      turn('rename it to "Read chapter 4 of SICP"', 'update_task', ['Read chapter 4 of SICP']),
    ],
  },
];
