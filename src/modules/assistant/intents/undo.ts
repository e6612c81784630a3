import { type AddTaskInput, taskToolNames, type UpdateTaskFields } from '../../tasks/index.js';
import { lastChanges, type TaskChange } from '../memory.js';
import type { PlannedCall } from '../plan-context.js';
import { count, quoted, type TaskView } from '../reply/format.js';
import { describeTask } from '../reply/tasks.js';
import { calls, callThenReply, type Intent, type PlanContext, reply, type Step } from './intent.js';

/** The fields of a task as add_task takes them, to bring a deleted task back. */
const recreate = (task: TaskView & { description?: string | null }): AddTaskInput => ({
  title: task.title,
  ...(task.description ? { description: task.description } : {}),
  ...(task.due_date ? { due_date: task.due_date } : {}),
  priority: task.priority,
  tags: [...task.tags],
});

/** The fields an update changed, as they were before it. */
function previousFields(change: TaskChange): UpdateTaskFields | undefined {
  const before = change.before;
  if (!before) return undefined;
  const fields: UpdateTaskFields = {};
  if ('title' in change.input) fields.title = before.title;
  if ('due_date' in change.input) fields.due_date = before.due_date;
  if ('priority' in change.input) fields.priority = before.priority;
  if ('tags' in change.input) fields.tags = [...before.tags];
  if ('status' in change.input) fields.status = before.status;
  return Object.keys(fields).length ? fields : undefined;
}

/** The call that takes one change back, if it can be. */
function inverse(change: TaskChange): PlannedCall | undefined {
  const { task } = change;
  switch (change.toolName) {
    case taskToolNames.add:
      return { toolName: taskToolNames.delete, input: { task_id: task.id } };
    case taskToolNames.complete:
      return { toolName: taskToolNames.update, input: { task_id: task.id, status: 'pending' } };
    case taskToolNames.update: {
      const fields = previousFields(change);
      return fields ? { toolName: taskToolNames.update, input: { task_id: task.id, ...fields } } : undefined;
    }
    case taskToolNames.delete:
    case taskToolNames.deleteMany:
      return { toolName: taskToolNames.add, input: { ...recreate(change.before ?? task) } };
    default:
      return undefined;
  }
}

/** The reply once the undo calls of this turn are done. */
function afterUndo(context: PlanContext): Step | undefined {
  const done = context.turn.outcomes.filter((outcome) => outcome.result?.kind === 'output');
  const [first] = done;
  if (!first) return undefined;
  if (first.toolName === taskToolNames.add) {
    const titles = done.map((outcome) =>
      quoted(String((outcome.result as { value: { task?: TaskView } }).value.task?.title)),
    );
    return reply(
      done.length === 1
        ? `Restored ${titles[0]}.`
        : `Restored ${count(done.length, 'task')}: ${titles.join(', ')}.`,
    );
  }
  if (done.length === 1) return callThenReply(context, first.toolName as never, first.input);
  return reply(`Undone for ${count(done.length, 'task')}.`);
}

function undo(context: PlanContext): Step {
  const after = afterUndo(context);
  if (after) return after;
  const changes = lastChanges(context.memory);
  const inverses = changes.flatMap((change) => inverse(change) ?? []);
  if (inverses.length === 0) return reply('There is nothing to undo in this conversation.');
  const deletes = inverses.filter((planned) => planned.toolName === taskToolNames.delete);
  if (deletes.length > 0 && changes[0]) {
    const added = changes.map((change) => quoted(describeTask(change.task, context))).join(', ');
    return calls(inverses, `I’ll delete ${added}, which you just added.`);
  }
  return calls(inverses);
}

/** "Undo that": the last change of the conversation, taken back. */
export const undoIntents: Intent[] = [
  {
    name: 'undo',
    patterns: [
      /^(?:oops,?\s*|wait,?\s*|no,?\s*)?(?:undo|revert|take back|roll back)(?: (?:that|it|this|the last (?:change|one|action)|that change|this change|my last change|what you just did))?[.!?]*$/i,
      /^(?:oops,?\s*)?(?:take that back|put it back|bring it back|change it back)[.!?]*$/i,
    ],
    plan: (_match, context) => undo(context),
  },
];
