import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { Icon } from '../../layout/icons';
import type { TaskPriority } from './task-api';
import { useTaskMutations } from './task-api';

/** The inline "New task" line: a title (Enter adds it), an optional due date and a priority. */
export function AddTaskForm({ defaultTag }: { defaultTag: string }) {
  const { add } = useTaskMutations();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('medium');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    add.mutate(
      {
        title: title.trim(),
        priority,
        ...(due && { due_date: due }),
        // Added while a tag filter is on, the task carries the tag, so it does not vanish from view.
        ...(defaultTag && { tags: [defaultTag] }),
      },
      {
        onSuccess: () => {
          setTitle('');
          setDue('');
          setPriority('medium');
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="mb-4 flex flex-col gap-2" aria-label="Add a task">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <TextField
            label="New task"
            hideLabel
            placeholder="Add a task and press Enter"
            className="h-10"
            value={title}
            maxLength={255}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <TextField
          label="Due date"
          hideLabel
          type="date"
          value={due}
          onChange={(event) => setDue(event.target.value)}
          className="h-10 w-40"
        />
        <SelectField
          label="Priority"
          hideLabel
          value={priority}
          onChange={(event) => setPriority(event.target.value as TaskPriority)}
          className="h-10 w-36"
        >
          <option value="low">Low priority</option>
          <option value="medium">Medium priority</option>
          <option value="high">High priority</option>
        </SelectField>
        <Button type="submit" variant="primary" className="h-10" disabled={!title.trim() || add.isPending}>
          <Icon name="plus" className="size-4" />
          Add
        </Button>
      </div>
      <ErrorNotice error={add.error} />
    </form>
  );
}
