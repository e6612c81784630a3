import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolCard, type ToolPart } from './tool-card';

const call = { type: 'tool-add_task', toolCallId: 'call-1', input: { title: 'Buy milk' } } as const;
const taskId = '0193a5f2-6c1e-7b3a-9d4e-2f1a8b7c6d5e';
const deleting = { type: 'tool-delete_task', toolCallId: 'call-2', input: { task_id: taskId } } as const;

function card(part: ToolPart, onAnswer = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToolCard part={part} onAnswer={onAnswer} />
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: /^Tool call: / });
}

/** GET /api/v1/tasks/{id} as the server answers it for the user's own task. */
function serveTask(task: object) {
  const fetch = vi.fn(async (input: RequestInfo | URL) =>
    String(input) === `/api/v1/tasks/${taskId}`
      ? new Response(JSON.stringify(task), { headers: { 'content-type': 'application/json' } })
      : new Response(JSON.stringify({ error: { code: 'TASK_NOT_FOUND', message: 'no' } }), { status: 404 }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('a tool call card', () => {
  it('shows a running call in words, with a working indicator', () => {
    const shown = card({ ...call, state: 'input-available' });
    expect(within(shown).getByText('Running')).toBeTruthy();
    expect(within(shown).getByTestId('tool-running')).toBeTruthy();
    expect(within(shown).getByTestId('tool-summary').textContent).toBe('Adding “Buy milk”…');
  });

  it('sums a success up in one line; ids, arguments and JSON wait behind Details', async () => {
    const shown = card({
      ...call,
      state: 'output-available',
      output: { task: { id: taskId, title: 'Buy milk', status: 'pending', due_date: null } },
    });
    expect(within(shown).getByText('Succeeded')).toBeTruthy();
    expect(within(shown).queryByTestId('tool-running')).toBeNull();
    expect(within(shown).getByTestId('tool-summary').textContent).toBe('Added “Buy milk”');
    expect(shown.textContent).not.toContain(taskId);
    expect(within(shown).queryByText('pending')).toBeNull();

    await userEvent.click(within(shown).getByRole('button', { name: 'Details' }));
    expect(within(shown).getByText('pending')).toBeTruthy();
    expect(within(shown).getByTitle(taskId).className).toContain('truncate');
    await userEvent.click(within(shown).getByRole('button', { name: 'Show JSON' }));
    expect(shown.textContent).toContain('"status": "pending"');
  });

  it('shows a failure with the error', () => {
    const shown = card({ ...call, state: 'output-error', errorText: 'TASK_NOT_FOUND: no such task' });
    expect(within(shown).getByText('Failed')).toBeTruthy();
    expect(within(shown).getByTestId('tool-summary').textContent).toBe('Add task failed');
    expect(within(shown).getByText('TASK_NOT_FOUND: no such task')).toBeTruthy();
  });

  it('asks for approval naming the task and its due date, not its id, and reports the answer', async () => {
    serveTask({ id: taskId, title: 'Buy milk', status: 'pending', due_date: '2026-12-24' });
    const onAnswer = vi.fn();
    const shown = card(
      { ...deleting, state: 'approval-requested', approval: { id: 'approval-1' } },
      onAnswer,
    );
    expect(within(shown).getByText('Needs approval')).toBeTruthy();
    expect(within(shown).getByTestId('tool-summary').textContent).toBe('Delete this task?');
    await within(shown).findByText(/^Delete “Buy milk” · due .*Dec.* 24.*\?$/);
    expect(shown.textContent).not.toContain(taskId);
    await userEvent.click(within(shown).getByRole('button', { name: 'Approve' }));
    expect(onAnswer).toHaveBeenLastCalledWith('approval-1', true);
    await userEvent.click(within(shown).getByRole('button', { name: 'Refuse' }));
    expect(onAnswer).toHaveBeenLastCalledWith('approval-1', false);
  });

  it('shows a refused call without buttons, naming what was kept', async () => {
    serveTask({ id: taskId, title: 'Buy milk', status: 'pending', due_date: null });
    const shown = card({
      ...deleting,
      state: 'output-denied',
      approval: { id: 'approval-1', approved: false },
    });
    expect(within(shown).getByText('Refused')).toBeTruthy();
    expect(within(shown).queryByRole('button', { name: 'Approve' })).toBeNull();
    await within(shown).findByText('Not deleted: “Buy milk”');
  });
});
