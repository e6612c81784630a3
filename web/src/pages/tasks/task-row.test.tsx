import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterBar } from './filter-bar';
import type { Task } from './task-api';
import { defaultFilters } from './task-filters';
import { TaskRow } from './task-row';

const task: Task = {
  id: 't1',
  title: 'Call the plumber',
  description: 'The sink drips',
  status: 'pending',
  priority: 'high',
  due_date: '2020-01-15T00:00:00.000Z',
  tags: ['home'],
  completed_at: null,
  created_at: '2020-01-01T00:00:00.000Z',
  updated_at: '2020-01-01T00:00:00.000Z',
};

function renderRow(overrides: Partial<Task> = {}) {
  const handlers = { onToggle: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn(), onTag: vi.fn() };
  render(
    <ul>
      <TaskRow task={{ ...task, ...overrides }} {...handlers} />
    </ul>,
  );
  return handlers;
}

describe('a task row', () => {
  it('completes by its checkbox, named by the title, and filters by a tag when it is clicked', async () => {
    const handlers = renderRow();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Call the plumber' }));
    expect(handlers.onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: 't1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Filter by tag home' }));
    expect(handlers.onTag).toHaveBeenCalledWith('home');
    await userEvent.click(screen.getByRole('button', { name: 'Delete Call the plumber' }));
    expect(handlers.onDelete).toHaveBeenCalledOnce();
  });

  it('marks a pending task past its day as overdue', () => {
    renderRow();
    expect(screen.getByText(/Overdue/)).toBeTruthy();
  });

  it('does not call a completed task overdue', () => {
    renderRow({ status: 'completed' });
    expect(screen.queryByText(/Overdue/)).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Call the plumber' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe('the filter bar', () => {
  it('searches on Enter and offers to stop filtering by the tag', async () => {
    const onChange = vi.fn();
    render(<FilterBar filters={{ ...defaultFilters, tag: 'home' }} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Search tasks'), ' milk {Enter}');
    expect(onChange).toHaveBeenCalledWith({ q: 'milk' });
    await userEvent.click(screen.getByRole('button', { name: 'Stop filtering by tag home' }));
    expect(onChange).toHaveBeenCalledWith({ tag: '' });
  });
});
