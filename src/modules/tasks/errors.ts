import { DomainError } from '../../errors.js';

/** The task does not exist, or belongs to someone else (which is not revealed). */
export class TaskNotFoundError extends DomainError {
  readonly code = 'TASK_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly taskId: string) {
    super(`Task ${taskId} not found`, { field: 'task_id' });
  }
}
