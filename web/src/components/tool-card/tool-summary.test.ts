import { describe, expect, it } from 'vitest';
import { describeTask, summarizeToolCall } from './tool-summary';

// A Sunday noon, local time: "tomorrow" is Monday.
const now = new Date(2026, 11, 6, 12, 0);
const tomorrowAtNine = new Date(2026, 11, 7, 9, 0).toISOString();
const task = (fields: object) => ({ task: { id: 't1', title: 'Buy milk', due_date: null, ...fields } });
const success = (name: string, output: unknown) =>
  summarizeToolCall({ name, state: 'success', input: {}, output }, [], now);

describe('the one-line summary of a tool call', () => {
  it('says what a task tool did to which task, with its due date in words', () => {
    expect(success('add_task', task({ due_date: tomorrowAtNine }))).toMatch(
      /^Added “Buy milk” · due tomorrow, 9:00\sAM$/,
    );
    expect(success('complete_task', task({}))).toBe('Completed “Buy milk”');
    expect(success('delete_task', task({}))).toBe('Deleted “Buy milk”');
    expect(success('update_task', task({ title: 'Buy oat milk' }))).toBe('Updated “Buy oat milk”');
  });

  it('counts what a list or a search found', () => {
    expect(success('list_tasks', { items: [{}, {}, {}], next_cursor: null })).toBe('Found 3 tasks');
    expect(success('search_tasks', { items: [{}] })).toBe('Found 1 task');
    expect(success('list_tasks', { items: [], next_cursor: null })).toBe('No tasks found');
    expect(success('list_tasks', { items: [{}], next_cursor: 'c2' })).toBe('Found 1 task (more on request)');
  });

  it('has a plain line for any other tool', () => {
    expect(success('summarize_text', { summary: 'Short.' })).toBe('Summarize text: done');
    expect(success('search_documents', { items: [{}, {}] })).toBe('Search documents: found 2 results');
    expect(summarizeToolCall({ name: 'github__create_issue', state: 'running', input: {} })).toBe(
      'Github create issue…',
    );
  });

  it('asks about the task by name, or about "this task" while it is not known', () => {
    const call = { name: 'delete_task', state: 'approval' as const, input: { task_id: 't1' } };
    expect(summarizeToolCall(call, [], now)).toBe('Delete this task?');
    expect(summarizeToolCall(call, [{ title: 'Buy milk', due_date: '2026-12-24' }], now)).toMatch(
      /^Delete “Buy milk” · due .*Dec.* 24.*\?$/,
    );
    expect(summarizeToolCall({ ...call, name: 'wipe_everything', input: {} })).toBe(
      'Wipe everything? It changes your data.',
    );
  });

  it('names every task of a bulk delete, in the question and in the result', () => {
    const call = { name: 'delete_tasks', state: 'approval' as const, input: { task_ids: ['t1', 't2'] } };
    expect(summarizeToolCall(call, [], now)).toBe('Delete these 2 tasks?');
    const subjects = [{ title: 'Buy milk' }, { title: 'Pay rent', due_date: '2026-12-07' }];
    expect(summarizeToolCall(call, subjects, now)).toBe(
      'Delete 2 tasks: “Buy milk”, “Pay rent” · due tomorrow?',
    );
    expect(success('delete_tasks', { tasks: subjects })).toBe(
      'Deleted 2 tasks: “Buy milk”, “Pay rent” · due tomorrow',
    );
  });

  it('names a whole-day due date as that day', () => {
    expect(describeTask({ title: 'Pay rent', due_date: '2026-12-07' }, now)).toBe(
      '“Pay rent” · due tomorrow',
    );
  });
});
