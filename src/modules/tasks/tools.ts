import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import {
  addTaskInputSchema,
  listTasksInputSchema,
  searchTasksInputSchema,
  taskIdInputSchema,
  taskIdsInputSchema,
  taskPageSchema,
  taskSchema,
  updateTaskInputSchema,
} from './schema.js';
import type { TaskService } from './service.js';
import { taskToolNames } from './tool-names.js';

const taskOutput = z.object({ task: taskSchema });
const describeTask = (task: z.infer<typeof taskSchema>) =>
  `"${task.title}" (${task.status}${task.due_date ? `, due ${task.due_date}` : ''}, id ${task.id})`;

/** The todo assistant's tools, over the task service. */
export function taskTools(service: TaskService): Tool[] {
  return [
    defineTool({
      name: taskToolNames.add,
      title: 'Add a task',
      toolset: 'Tasks',
      description: 'Adds a task to the user’s todo list. Returns the new task with its id.',
      input: addTaskInputSchema,
      output: taskOutput,
      run: async (actor, input) => ({ task: await service.add(actor, input) }),
      summarize: ({ task }) => `Added ${describeTask(task)}.`,
    }),
    defineTool({
      name: taskToolNames.list,
      title: 'List tasks',
      toolset: 'Tasks',
      description:
        'Lists the user’s tasks, newest first: all, pending or completed, optionally only those due before a time or with a tag. Pass next_cursor back as cursor for the next page.',
      input: listTasksInputSchema,
      output: taskPageSchema,
      readOnly: true,
      run: (actor, input) => service.list(actor, input),
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'No tasks.'
          : `${items.map((task) => `- ${describeTask(task)}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
    defineTool({
      name: taskToolNames.search,
      title: 'Search tasks',
      toolset: 'Tasks',
      description: 'Finds the user’s tasks whose title or description contains the words, best match first.',
      input: searchTasksInputSchema,
      output: z.object({ items: z.array(taskSchema) }),
      readOnly: true,
      run: async (actor, input) => ({ items: await service.search(actor, input) }),
      summarize: ({ items }) =>
        items.length === 0 ? 'No matching tasks.' : items.map((task) => `- ${describeTask(task)}`).join('\n'),
    }),
    defineTool({
      name: taskToolNames.complete,
      title: 'Complete a task',
      toolset: 'Tasks',
      description: 'Marks one of the user’s tasks as completed.',
      input: taskIdInputSchema,
      output: taskOutput,
      run: async (actor, { task_id }) => ({ task: await service.complete(actor, task_id) }),
      summarize: ({ task }) => `Completed ${describeTask(task)}.`,
    }),
    defineTool({
      name: taskToolNames.update,
      title: 'Update a task',
      toolset: 'Tasks',
      description:
        'Changes a task’s title, description, status, due date, priority or tags. Only the fields given change.',
      input: updateTaskInputSchema,
      output: taskOutput,
      run: async (actor, { task_id, ...fields }) => ({ task: await service.update(actor, task_id, fields) }),
      summarize: ({ task }) => `Updated ${describeTask(task)}.`,
    }),
    defineTool({
      name: taskToolNames.delete,
      title: 'Delete a task',
      toolset: 'Tasks',
      description: 'Deletes one of the user’s tasks for good.',
      input: taskIdInputSchema,
      output: taskOutput,
      destructive: true,
      run: async (actor, { task_id }) => ({ task: await service.delete(actor, task_id) }),
      summarize: ({ task }) => `Deleted ${describeTask(task)}.`,
    }),
    defineTool({
      name: taskToolNames.deleteMany,
      title: 'Delete tasks',
      toolset: 'Tasks',
      description:
        'Deletes several of the user’s tasks for good, all or none (one approval for all of them). Returns the deleted tasks.',
      input: taskIdsInputSchema,
      output: z.object({ tasks: z.array(taskSchema) }),
      destructive: true,
      run: async (actor, { task_ids }) => ({ tasks: await service.deleteMany(actor, task_ids) }),
      summarize: ({ tasks }) => `Deleted ${tasks.map(describeTask).join(', ')}.`,
    }),
  ];
}
