import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/feedback';
import { SelectField, TextArea, TextField } from '../../components/field';
import { dueInputs, dueValue } from './due-date';
import { type Task, type TaskPriority, useTaskMutations } from './task-api';

/** Tags typed as "home, errands" → ["home", "errands"], without blanks or repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ];
}

/** The Edit dialog: title, details, due date and time, priority and tags of one task. */
export function TaskEditDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const { update } = useTaskMutations();
  const initialDue = dueInputs(task.due_date);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? '');
  const [date, setDate] = useState(initialDue.date);
  const [time, setTime] = useState(initialDue.time);
  const [priority, setPriority] = useState<TaskPriority>(task.priority);
  const [tags, setTags] = useState(task.tags.join(', '));

  function save(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        id: task.id,
        changes: {
          title: title.trim(),
          description: description.trim() || null,
          due_date: dueValue(date, time),
          priority,
          tags: parseTags(tags),
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog
      open
      title="Edit task"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            form="edit-task"
            variant="primary"
            disabled={!title.trim() || update.isPending}
          >
            Save
          </Button>
        </>
      }
    >
      <form id="edit-task" onSubmit={save} className="flex flex-col gap-3">
        <TextField
          label="Title"
          value={title}
          maxLength={255}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextArea
          label="Details"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div className="flex flex-wrap gap-3">
          <TextField
            label="Due date"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          <TextField
            label="Time"
            type="time"
            value={time}
            disabled={!date}
            hint="Optional"
            onChange={(event) => setTime(event.target.value)}
          />
          <SelectField
            label="Priority"
            value={priority}
            onChange={(event) => setPriority(event.target.value as TaskPriority)}
          >
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </SelectField>
        </div>
        <TextField
          label="Tags"
          value={tags}
          hint="Separated by commas, e.g. home, errands"
          onChange={(event) => setTags(event.target.value)}
        />
        <ErrorNotice error={update.error} />
      </form>
    </Dialog>
  );
}
