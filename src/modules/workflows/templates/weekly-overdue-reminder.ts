import { taskToolNames } from '../../tasks/tool-names.js';
import type { WorkflowTemplate } from './template.js';

/** The overdue tasks, earlier reminders left out. */
const overdue = 'steps.overdue.output.items.filter(t, !("reminder" in t.tags))';

/** The reminder's details: one line per overdue task, cut to fit a task description. */
const details =
  `cel.bind(text, ${overdue}.map(t, "- " + t.title + " (due " + t.due_date.substring(0, 10) + ")").join("\\n"), ` +
  'text.size() > 9000 ? text.substring(0, 9000) + "\\n…" : text)';

/**
 * Monday mornings: when tasks are overdue, one high-priority task due today that lists them. Its
 * own earlier reminders are not counted (they carry the "reminder" tag).
 */
export const weeklyOverdueReminder: WorkflowTemplate = {
  id: 'weekly-overdue-reminder',
  title: 'Weekly overdue-task reminder',
  description:
    'Every Monday at 08:00 (UTC), looks for pending tasks past their due date; if there are any, adds one high-priority task due that day, tagged "reminder", that lists them.',
  definition: {
    name: 'weekly-overdue-reminder',
    description: 'A reminder task listing the overdue tasks, every Monday.',
    input_schema: { type: 'object', properties: {} },
    steps: [
      {
        id: 'overdue',
        kind: 'tool',
        title: 'List the overdue tasks',
        tool: taskToolNames.list,
        input: { status: 'pending', sort: 'due', due_before: '{{ run.started_at }}', limit: 100 },
      },
      {
        id: 'any_overdue',
        kind: 'condition',
        title: 'Remind only when something is overdue',
        needs: ['overdue'],
        condition: `size(${overdue}) > 0`,
        then: [
          {
            id: 'remind',
            kind: 'tool',
            title: 'Add the reminder task',
            tool: taskToolNames.add,
            input: {
              title: `{{ cel.bind(count, size(${overdue}), count == 1 ? "1 task is overdue" : string(count) + " tasks are overdue") }}`,
              description: `{{ ${details} }}`,
              due_date: '{{ run.started_at.substring(0, 10) }}',
              priority: 'high',
              tags: ['reminder'],
            },
          },
        ],
        else: [],
      },
    ],
    output: { overdue: `{{ size(${overdue}) }}` },
    triggers: [{ kind: 'manual' }, { kind: 'schedule', cron: '0 8 * * 1', time_zone: 'UTC', input: {} }],
  },
};
