import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ToolCard, type ToolPart } from './tool-card';

const call = { type: 'tool-add_task', toolCallId: 'call-1', input: { title: 'Buy milk' } } as const;

function card(part: ToolPart, onAnswer = vi.fn()) {
  render(<ToolCard part={part} onAnswer={onAnswer} />);
  return screen.getByRole('region', { name: 'Tool call: add_task' });
}

describe('a tool call card', () => {
  it('shows a running call with its arguments and a working indicator', () => {
    const shown = card({ ...call, state: 'input-available' });
    expect(within(shown).getByText('Running')).toBeTruthy();
    expect(within(shown).getByTestId('tool-running')).toBeTruthy();
    expect(within(shown).getByText('Buy milk')).toBeTruthy();
  });

  it('shows a success with its result, readable or as JSON', async () => {
    const shown = card({
      ...call,
      state: 'output-available',
      output: { task: { id: 't1', status: 'pending' } },
    });
    expect(within(shown).getByText('Succeeded')).toBeTruthy();
    expect(within(shown).queryByTestId('tool-running')).toBeNull();
    expect(within(shown).getByText('pending')).toBeTruthy();
    await userEvent.click(within(shown).getByRole('button', { name: 'Show JSON' }));
    expect(shown.textContent).toContain('"status": "pending"');
  });

  it('shows a failure with the error', () => {
    const shown = card({ ...call, state: 'output-error', errorText: 'TASK_NOT_FOUND: no such task' });
    expect(within(shown).getByText('Failed')).toBeTruthy();
    expect(within(shown).getByText('TASK_NOT_FOUND: no such task')).toBeTruthy();
  });

  it('asks for approval and reports the answer', async () => {
    const onAnswer = vi.fn();
    const shown = card({ ...call, state: 'approval-requested', approval: { id: 'approval-1' } }, onAnswer);
    expect(within(shown).getByText('Needs approval')).toBeTruthy();
    await userEvent.click(within(shown).getByRole('button', { name: 'Approve' }));
    expect(onAnswer).toHaveBeenLastCalledWith('approval-1', true);
    await userEvent.click(within(shown).getByRole('button', { name: 'Refuse' }));
    expect(onAnswer).toHaveBeenLastCalledWith('approval-1', false);
  });

  it('shows a refused call without buttons', () => {
    const shown = card({ ...call, state: 'output-denied', approval: { id: 'approval-1', approved: false } });
    expect(within(shown).getByText('Refused')).toBeTruthy();
    expect(within(shown).queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
