import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { escapeLike } from '../../db/like.js';
import type { ServiceDeps } from '../../service-deps.js';
import { requireUser } from '../../actor-policy.js';
import { TaskNotFoundError } from './errors.js';
import {
  type AddTaskInput,
  addTaskInputSchema,
  type ListTasksInput,
  listTasksInputSchema,
  type SearchTasksInput,
  searchTasksInputSchema,
  type Task,
  type TaskPage,
  type UpdateTaskFields,
  updateTaskFieldsSchema,
} from './schema.js';
import { tasks } from './table.js';
import {
  createListQuery,
  type ListedTaskRecord,
  taskColumns as columns,
  type TaskRecord,
  type TaskRecordWith,
} from './list-query.js';
import { isoFromPostgres } from '../../db/timestamp-text.js';
import './events.js';
import { listOrders } from './list-order.js';

/** A task row as the API shows it, its timestamps made ISO text by `iso`. */
function taskOf<Time>(row: TaskRecordWith<Time>, iso: (time: Time) => string): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    due_date: row.dueDate === null ? null : iso(row.dueDate),
    tags: row.tags,
    completed_at: row.completedAt === null ? null : iso(row.completedAt),
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

const isoFromDate = (date: Date) => date.toISOString();

export const toTask = (row: TaskRecord): Task => taskOf(row, isoFromDate);

/** A listed row as the API shows it (its timestamps came as Postgres's text). */
const toListedTask = (row: ListedTaskRecord): Task => taskOf(row, isoFromPostgres);

/** The todo list: each user's own tasks, never anyone else's. Every change publishes an event. */
export function createTaskService({ db, clock, ids, bus }: ServiceDeps) {
  const listRows = createListQuery(db);
  async function loadOwned(actor: Actor, taskId: string): Promise<TaskRecord> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select(columns)
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.ownerId, userId)));
    if (!row) throw new TaskNotFoundError(taskId);
    return row;
  }

  return {
    async add(actor: Actor, input: AddTaskInput): Promise<Task> {
      const { userId } = requireUser(actor);
      const { title, description, due_date, priority, tags } = addTaskInputSchema.parse(input);
      const now = clock.now();
      const [row] = await db
        .insert(tasks)
        .values({
          id: ids(),
          ownerId: userId,
          title,
          description: description ?? null,
          status: 'pending',
          priority,
          dueDate: due_date ? new Date(due_date) : null,
          tags,
          createdAt: now,
          updatedAt: now,
        })
        .returning(columns);
      if (!row) throw new Error('The task was not stored');
      const task = toTask(row);
      await bus.publish(actor, 'task.created', {
        task_id: task.id,
        owner_id: userId,
        title: task.title,
        tags: task.tags,
      });
      return task;
    },

    /** The actor's tasks, newest first or soonest due first, filtered, a page at a time. */
    async list(actor: Actor, input: ListTasksInput): Promise<TaskPage> {
      const { userId } = requireUser(actor);
      const filters = listTasksInputSchema.parse(input);
      const { sort, limit } = filters;
      const rows = await listRows({ ...filters, ownerId: userId });
      const items = rows.slice(0, limit).map(toListedTask);
      const last = items.at(-1);
      return {
        items,
        next_cursor: rows.length > limit && last ? listOrders[sort].cursorOf(last) : null,
      };
    },

    /** The actor's tasks that match the words, best match first. */
    async search(actor: Actor, input: SearchTasksInput): Promise<Task[]> {
      const { userId } = requireUser(actor);
      const { query, limit } = searchTasksInputSchema.parse(input);
      const matching = sql`${tasks.search} @@ websearch_to_tsquery('simple', ${query})`;
      const rows = await db
        .select(columns)
        .from(tasks)
        .where(and(eq(tasks.ownerId, userId), matching))
        .orderBy(
          desc(sql`ts_rank(${tasks.search}, websearch_to_tsquery('simple', ${query}))`),
          desc(tasks.id),
        )
        .limit(limit);
      return rows.map((row) => toTask(row));
    },

    /** Ids of the actor's tasks that start with `prefix`, newest first (for completion). */
    async idsStartingWith(actor: Actor, prefix: string, limit = 20): Promise<string[]> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.ownerId, userId), like(tasks.id, `${escapeLike(prefix)}%`)))
        .orderBy(desc(tasks.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    async get(actor: Actor, taskId: string): Promise<Task> {
      return toTask(await loadOwned(actor, taskId));
    },

    async update(actor: Actor, taskId: string, fields: UpdateTaskFields): Promise<Task> {
      const changes = updateTaskFieldsSchema.parse(fields);
      const now = clock.now();
      const { current, row } = await db.transaction(async (transaction) => {
        // Read under a row lock, so of two concurrent completions only one sees the task pending.
        const { userId } = requireUser(actor);
        const [locked] = await transaction
          .select(columns)
          .from(tasks)
          .where(and(eq(tasks.id, taskId), eq(tasks.ownerId, userId)))
          .for('update');
        if (!locked) throw new TaskNotFoundError(taskId);
        const [updated] = await transaction
          .update(tasks)
          .set({
            ...(changes.title !== undefined && { title: changes.title }),
            ...(changes.description !== undefined && { description: changes.description }),
            ...(changes.priority !== undefined && { priority: changes.priority }),
            ...(changes.tags !== undefined && { tags: changes.tags }),
            ...(changes.due_date !== undefined && {
              dueDate: changes.due_date ? new Date(changes.due_date) : null,
            }),
            ...(changes.status !== undefined && {
              status: changes.status,
              completedAt: changes.status === 'completed' ? (locked.completedAt ?? now) : null,
            }),
            updatedAt: now,
          })
          .where(eq(tasks.id, taskId))
          .returning(columns);
        if (!updated) throw new TaskNotFoundError(taskId);
        return { current: locked, row: updated };
      });
      const becomesCompleted = changes.status === 'completed' && current.status !== 'completed';
      const task = toTask(row);
      const changed = Object.keys(changes).filter(
        (key) => changes[key as keyof typeof changes] !== undefined,
      );
      await bus.publish(actor, 'task.updated', {
        task_id: taskId,
        owner_id: current.ownerId,
        changes: changed,
        title: task.title,
        tags: task.tags,
      });
      if (becomesCompleted)
        await bus.publish(actor, 'task.completed', { task_id: taskId, owner_id: current.ownerId });
      return task;
    },

    async complete(actor: Actor, taskId: string): Promise<Task> {
      return this.update(actor, taskId, { status: 'completed' });
    },

    async delete(actor: Actor, taskId: string): Promise<Task> {
      const current = await loadOwned(actor, taskId);
      await db.delete(tasks).where(and(eq(tasks.id, taskId), eq(tasks.ownerId, current.ownerId)));
      await bus.publish(actor, 'task.deleted', { task_id: taskId, owner_id: current.ownerId });
      return toTask(current);
    },

    /**
     * Deletes several tasks together: all of them, or none when one is not the actor's (that one
     * is not found). For "delete all completed tasks", which waits for one approval.
     */
    async deleteMany(actor: Actor, taskIds: readonly string[]): Promise<Task[]> {
      const { userId } = requireUser(actor);
      const unique = [...new Set(taskIds)];
      const rows = await db
        .select(columns)
        .from(tasks)
        .where(and(inArray(tasks.id, unique), eq(tasks.ownerId, userId)));
      const missing = unique.find((taskId) => !rows.some((row) => row.id === taskId));
      if (missing !== undefined) throw new TaskNotFoundError(missing);
      await db.delete(tasks).where(and(inArray(tasks.id, unique), eq(tasks.ownerId, userId)));
      for (const row of rows) await bus.publish(actor, 'task.deleted', { task_id: row.id, owner_id: userId });
      const order = new Map(unique.map((taskId, index) => [taskId, index]));
      return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map(toTask);
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
