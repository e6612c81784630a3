import type { Task } from '../tasks/index.js';

/** A task as the task tools return it (the fields the replies use). */
export type TaskView = Readonly<Pick<Task, 'id' | 'title' | 'status' | 'priority' | 'due_date' | 'tags'>>;

/** A field of a JSON object, or undefined when the value is not an object. */
export function field<T = unknown>(value: unknown, name: string): T | undefined {
  return value !== null && typeof value === 'object'
    ? ((value as Record<string, unknown>)[name] as T)
    : undefined;
}

/** A list field of a JSON object, empty when absent. */
export function list<T = unknown>(value: unknown, name: string): T[] {
  const items = field(value, name);
  return Array.isArray(items) ? (items as T[]) : [];
}
