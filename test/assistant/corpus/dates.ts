import { type Dialogue, turn } from './dialogue.js';

/** Dates and times as people mean them, in the user's time zone (Paris unless said). */
export const dates: Dialogue[] = [
  {
    name: 'dates: times of day',
    turns: [
      turn('I need to pick up the kids at 5', 'add_task', ['Pick up the kids · due 2026-12-06 17:00']),
      turn('remind me to run at 7am', 'add_task', [
        'Pick up the kids · due 2026-12-06 17:00',
        'Run · due 2026-12-07 07:00',
      ]),
      turn('add call the vet tomorrow morning at 8', 'add_task', [
        'Pick up the kids · due 2026-12-06 17:00',
        'Run · due 2026-12-07 07:00',
        'Call the vet · due 2026-12-07 08:00',
      ]),
      turn('add take out the bins tonight', 'add_task', [
        'Pick up the kids · due 2026-12-06 17:00',
        'Run · due 2026-12-07 07:00',
        'Call the vet · due 2026-12-07 08:00',
        'Take out the bins · due 2026-12-06 20:00',
      ]),
      turn('add send the slides by end of day', 'add_task', [
        'Pick up the kids · due 2026-12-06 17:00',
        'Run · due 2026-12-07 07:00',
        'Call the vet · due 2026-12-07 08:00',
        'Take out the bins · due 2026-12-06 20:00',
        'Send the slides · due 2026-12-06 17:00',
      ]),
      turn('remind me to check the oven in 2 hours', 'add_task', [
        'Pick up the kids · due 2026-12-06 17:00',
        'Run · due 2026-12-07 07:00',
        'Call the vet · due 2026-12-07 08:00',
        'Take out the bins · due 2026-12-06 20:00',
        'Send the slides · due 2026-12-06 17:00',
        'Check the oven · due 2026-12-06 12:00',
      ]),
    ],
  },
  {
    name: 'dates: days',
    turns: [
      turn('add pay the gas bill on the 15th', 'add_task', ['Pay the gas bill · due 2026-12-15']),
      turn('add book a table for Friday', 'add_task', [
        'Pay the gas bill · due 2026-12-15',
        'Book a table · due 2026-12-11',
      ]),
      turn('add plan the party next week', 'add_task', [
        'Pay the gas bill · due 2026-12-15',
        'Book a table · due 2026-12-11',
        'Plan the party · due 2026-12-07',
      ]),
      turn('add renew my passport in 3 days', 'add_task', [
        'Pay the gas bill · due 2026-12-15',
        'Book a table · due 2026-12-11',
        'Plan the party · due 2026-12-07',
        'Renew my passport · due 2026-12-09',
      ]),
      turn('add clean the gutters on Dec 20th', 'add_task', [
        'Pay the gas bill · due 2026-12-15',
        'Book a table · due 2026-12-11',
        'Plan the party · due 2026-12-07',
        'Renew my passport · due 2026-12-09',
        'Clean the gutters · due 2026-12-20',
      ]),
    ],
  },
  {
    name: 'dates: postponing',
    seed: ['Call mom · due 2026-12-07', 'Pay rent', 'Dentist · due 2026-12-08 14:30'],
    turns: [
      turn('postpone call mom to next week', 'search_tasks update_task', [
        'Call mom · due 2026-12-14',
        'Pay rent',
        'Dentist · due 2026-12-08 14:30',
      ]),
      turn('push pay rent to next week', 'search_tasks update_task', [
        'Call mom · due 2026-12-14',
        'Pay rent · due 2026-12-13',
        'Dentist · due 2026-12-08 14:30',
      ]),
      turn('postpone the dentist by a week', 'search_tasks update_task', [
        'Call mom · due 2026-12-14',
        'Pay rent · due 2026-12-13',
        'Dentist · due 2026-12-15 14:30',
      ]),
      turn('push it back a day', 'update_task', [
        'Call mom · due 2026-12-14',
        'Pay rent · due 2026-12-13',
        'Dentist · due 2026-12-16 14:30',
      ]),
      turn('move it to 4pm', 'update_task', [
        'Call mom · due 2026-12-14',
        'Pay rent · due 2026-12-13',
        'Dentist · due 2026-12-16 16:00',
      ]),
      turn('call mom is due on the 20th', 'search_tasks update_task', [
        'Call mom · due 2026-12-20',
        'Pay rent · due 2026-12-13',
        'Dentist · due 2026-12-16 16:00',
      ]),
      turn('remove the due date from pay rent', 'search_tasks update_task', [
        'Call mom · due 2026-12-20',
        'Pay rent',
        'Dentist · due 2026-12-16 16:00',
      ]),
    ],
  },
  {
    name: 'dates: another time zone',
    timeZone: 'America/New_York',
    now: '2026-12-06T23:30:00Z',
    turns: [
      turn('remind me to call Ana tomorrow at 5', 'add_task', ['Call Ana · due 2026-12-07 17:00']),
      turn('add water the plants today', 'add_task', [
        'Call Ana · due 2026-12-07 17:00',
        'Water the plants · due 2026-12-06',
      ]),
      turn('what’s due today?', 'list_tasks', undefined, /^Due today:\n\n1\. Water the plants[^\n]*$/),
    ],
  },
  {
    name: 'dates: weeks that start on Sunday',
    weekStart: 'sunday',
    now: '2026-12-09T09:00:00Z',
    seed: ['Book flights · due 2026-12-12', 'Call mom · due 2026-12-13'],
    turns: [
      turn('what’s due this week?', 'list_tasks', undefined, /^Due this week:\n\n1\. Book flights[^\n]*$/),
    ],
  },
];
