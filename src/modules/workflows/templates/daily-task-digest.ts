import { documentToolNames } from '../../resources/tool-names.js';
import { taskToolNames } from '../../tasks/tool-names.js';
import type { WorkflowTemplate } from './template.js';

/** A task in a digest line: its title, its due day, and "overdue" when it is. */
const digestLine =
  '"- " + t.title + (t.due_date == null ? "" : " (due " + t.due_date.substring(0, 10) + ")") + ' +
  '(t.due_date != null && timestamp(t.due_date) < timestamp(run.started_at) ? " **overdue**" : "")';

/** Every morning: the pending tasks due within a day or overdue, written into one note. */
export const dailyTaskDigest: WorkflowTemplate = {
  id: 'daily-task-digest',
  title: 'Daily task digest',
  description:
    'Every morning at 07:00 (UTC), lists your pending tasks that are overdue or due within the next 24 hours, soonest first, and saves them as a note tagged "digest".',
  definition: {
    name: 'daily-task-digest',
    description: 'Pending tasks overdue or due within a day, saved as a digest note.',
    input_schema: { type: 'object', properties: {} },
    steps: [
      {
        id: 'due',
        kind: 'tool',
        title: 'List the tasks due within a day or overdue',
        tool: taskToolNames.list,
        input: {
          status: 'pending',
          sort: 'due',
          due_before: '{{ timestamp(run.started_at) + duration("24h") }}',
          limit: 100,
        },
      },
      {
        id: 'note',
        kind: 'tool',
        title: 'Save the digest as a note',
        needs: ['due'],
        tool: documentToolNames.createNote,
        input: {
          name: 'Task digest {{ run.started_at.substring(0, 10) }}',
          content: `{{ size(steps.due.output.items) == 0 ? "Nothing is due today and nothing is overdue." : "# Due today or overdue\\n\\n" + steps.due.output.items.map(t, ${digestLine}).join("\\n") }}`,
          tags: ['digest'],
        },
      },
    ],
    output: {
      tasks: '{{ size(steps.due.output.items) }}',
      note_id: '{{ steps.note.output.document.document_id }}',
    },
    triggers: [{ kind: 'manual' }, { kind: 'schedule', cron: '0 7 * * *', time_zone: 'UTC', input: {} }],
  },
};
