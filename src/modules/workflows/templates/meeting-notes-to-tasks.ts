import { taskToolNames } from '../../tasks/tool-names.js';
import type { WorkflowTemplate } from './template.js';

/**
 * The action items of meeting notes: the lines marked `- [ ]`, `* [ ]`, `TODO:`, `Action:`,
 * `Action item:` or `AI:` (any case), without their mark, with a capital first letter, cut to a task title's 255 characters.
 * Written in CEL so it runs with no model.
 */
export const actionItemsExpression = [
  'input.notes.split("\\n")',
  '.map(line, line.trim())',
  '.filter(line, line.matches("^(?:[-*] \\\\[ \\\\]|(?:[Tt][Oo][Dd][Oo]|[Aa][Cc][Tt][Ii][Oo][Nn](?: [Ii][Tt][Ee][Mm])?|AI)\\\\s*:)"))',
  '.map(line, line.startsWith("- [ ]") || line.startsWith("* [ ]") ? line.substring(5).trim() : line.substring(line.indexOf(":") + 1).trim())',
  '.filter(title, title != "")',
  '.map(title, title.substring(0, 1).upperAscii() + (title.size() > 255 ? title.substring(1, 255) : title.substring(1)))',
].join('');

/** Meeting notes in, one task per action item out (in the order written). */
export const meetingNotesToTasks: WorkflowTemplate = {
  id: 'meeting-notes-to-tasks',
  title: 'Meeting notes to tasks',
  description:
    'Finds the action items in meeting notes — lines starting with "- [ ]", "TODO:", "Action:", "Action item:" or "AI:" — and adds each as a task tagged "meeting" (or the tag you give), in the order written.',
  definition: {
    name: 'meeting-notes-to-tasks',
    description: 'Adds a task for each action item of meeting notes.',
    input_schema: {
      type: 'object',
      properties: {
        notes: { type: 'string', minLength: 1, description: 'The meeting notes' },
        meeting: { type: 'string', maxLength: 200, description: 'The meeting’s name, written in each task' },
        tag: {
          type: 'string',
          minLength: 1,
          maxLength: 50,
          description: 'The tag of the tasks (default: meeting)',
        },
      },
      required: ['notes'],
    },
    steps: [
      {
        id: 'add_each',
        kind: 'foreach',
        title: 'Add a task per action item',
        items: actionItemsExpression,
        concurrency: 1,
        steps: [
          {
            id: 'add',
            kind: 'tool',
            tool: taskToolNames.add,
            input: {
              title: '{{ item }}',
              description:
                '{{ "Action item " + string(index + 1) + (has(input.meeting) ? " of the meeting “" + input.meeting + "”" : " of meeting notes") }}',
              tags: '{{ [has(input.tag) ? input.tag : "meeting"] }}',
            },
          },
        ],
      },
    ],
    output: { action_items: `{{ ${actionItemsExpression} }}` },
    triggers: [{ kind: 'manual' }],
  },
};
