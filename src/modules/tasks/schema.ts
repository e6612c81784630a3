import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

const taskId = z.string().min(1).max(100).describe('The task id, as returned by add_task or list_tasks');
const title = z.string().trim().min(1).max(255).describe('What to do, 1–255 characters');
const description = z.string().max(10_000).describe('Details, optional');
const dueDate = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .describe('When it is due, ISO 8601 (2026-11-30 or 2026-11-30T17:00:00Z)');
const priority = z.enum(['low', 'medium', 'high']);
const tags = z.array(z.string().trim().min(1).max(50)).max(20).describe('Labels to group and filter by');
const status = z.enum(['pending', 'completed']);

export const addTaskInputSchema = z.object({
  title,
  description: description.optional(),
  due_date: dueDate.optional(),
  priority: priority.default('medium'),
  tags: tags.default([]),
});
export type AddTaskInput = z.input<typeof addTaskInputSchema>;

export const listTasksInputSchema = z.object({
  status: z.enum(['all', 'pending', 'completed']).default('all'),
  due_before: dueDate.optional().describe('Only tasks due before this time'),
  due_after: dueDate.optional().describe('Only tasks due at or after this time'),
  tag: z.string().min(1).optional().describe('Only tasks with this tag'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('Only tasks whose title or description contain these words (in the same order)'),
  sort: z
    .enum(['created', 'due'])
    .default('created')
    .describe('created: newest first (the default); due: soonest due first, tasks without a due date last'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page (of the same sort)'),
});
export type ListTasksInput = z.input<typeof listTasksInputSchema>;

export const searchTasksInputSchema = z.object({
  query: z.string().trim().min(1).max(500).describe('Words to find in task titles and descriptions'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
});
export type SearchTasksInput = z.input<typeof searchTasksInputSchema>;

export const taskIdsInputSchema = z.object({
  task_ids: z.array(taskId).min(1).max(100).describe('The ids of the tasks, as returned by list_tasks'),
});
export type TaskIdsInput = z.input<typeof taskIdsInputSchema>;

export const taskIdInputSchema = z.object({ task_id: taskId });
export type TaskIdInput = z.input<typeof taskIdInputSchema>;

const updatableFields = {
  title: title.optional(),
  description: description.nullable().optional().describe('New details; null clears them'),
  status: status.optional(),
  due_date: dueDate.nullable().optional().describe('New due date, ISO 8601; null clears it'),
  priority: priority.optional(),
  tags: tags.optional().describe('The new full list of tags'),
};
const changesSomething = (fields: Record<string, unknown>) =>
  Object.entries(fields).some(([key, value]) => key !== 'task_id' && value !== undefined);
const nothingToChange = { message: 'Give at least one field to change' };

/** The REST body of PATCH /api/v1/tasks/{id}. */
export const updateTaskFieldsSchema = z.object(updatableFields).refine(changesSomething, nothingToChange);
export type UpdateTaskFields = z.input<typeof updateTaskFieldsSchema>;

/** The update_task tool's input: the id and the fields to change. */
export const updateTaskInputSchema = z
  .object({ task_id: taskId, ...updatableFields })
  .refine(changesSomething, nothingToChange);

export const taskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status,
    priority,
    due_date: z.string().nullable().describe('ISO 8601'),
    tags: z.array(z.string()),
    completed_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const taskPageSchema = z.object({ items: z.array(taskSchema), next_cursor: z.string().nullable() });
export type TaskPage = z.infer<typeof taskPageSchema>;
