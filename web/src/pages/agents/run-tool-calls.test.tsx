import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentRunDetail } from '../../api/agent-types';
import { RunToolCalls } from './run-tool-calls';

const run: AgentRunDetail = {
  id: 'arun_1',
  agent_id: 'agt_1',
  agent_name: 'organizer',
  agent_version: 1,
  parent_run_id: null,
  team_run_id: null,
  depth: 0,
  status: 'succeeded',
  input: 'Add milk',
  output: 'Done',
  error: null,
  approvals: [],
  steps: 2,
  tokens_in: 10,
  tokens_out: 5,
  started_at: '2026-12-06T10:00:00.000Z',
  finished_at: '2026-12-06T10:00:02.000Z',
  created_at: '2026-12-06T10:00:00.000Z',
  tool_calls: [
    {
      tool_call_id: 'call-1',
      tool: 'add_task',
      step: 1,
      input: { title: 'Buy milk' },
      state: 'success',
      output: { task: { id: 'task-1', title: 'Buy milk', status: 'pending', due_date: null } },
      duration_ms: 2300,
    },
    {
      tool_call_id: 'call-2',
      tool: 'complete_task',
      step: 2,
      input: { task_id: 'nope' },
      state: 'error',
      error: 'TASK_NOT_FOUND: no such task',
    },
  ],
};

/** Two calls held for approval by a waiting run. */
const waiting: AgentRunDetail = {
  ...run,
  status: 'waiting',
  output: null,
  approvals: [
    { approval_id: 'ap-1', tool: 'delete_task', input: { task_id: 'a' } },
    { approval_id: 'ap-2', tool: 'delete_task', input: { task_id: 'b' } },
  ],
  tool_calls: ['a', 'b'].map((task, index) => ({
    tool_call_id: `call-${task}`,
    tool: 'delete_task',
    step: 1,
    input: { task_id: task },
    state: 'awaiting_approval' as const,
    approval_id: `ap-${index + 1}`,
  })),
};

function show(detail: AgentRunDetail) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RunToolCalls run={detail} />
    </QueryClientProvider>,
  );
  return screen.getByRole('list', { name: 'Tool calls' });
}

afterEach(() => vi.unstubAllGlobals());

describe('an agent run’s tool calls', () => {
  it('draws each call as the chat’s tool card: outcome, input and result, duration, error', async () => {
    const list = show(run);
    const added = within(list).getByRole('region', { name: 'Tool call: add_task' });
    expect(within(added).getByText('Succeeded')).toBeTruthy();
    expect(within(added).getByTestId('tool-summary').textContent).toBe('Added “Buy milk”');
    await userEvent.click(within(added).getByRole('button', { name: 'Details' }));
    expect(within(added).getByText('2.3 s')).toBeTruthy();
    expect(within(added).getByText('Arguments')).toBeTruthy();
    expect(within(added).getByText('Result')).toBeTruthy();
    const failed = within(list).getByRole('region', { name: 'Tool call: complete_task' });
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('TASK_NOT_FOUND: no such task')).toBeTruthy();
  });

  it('shows nothing for a run that called no tool', () => {
    const client = new QueryClient();
    const { container } = render(
      <QueryClientProvider client={client}>
        <RunToolCalls run={{ ...run, tool_calls: [] }} />
      </QueryClientProvider>,
    );
    expect(container.textContent).toBe('');
  });

  it('answers the held calls together once each has its yes or no', async () => {
    const fetch = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url).startsWith('/api/v1/tasks/')
        ? Response.json({ error: { code: 'TASK_NOT_FOUND', message: 'no' } }, { status: 404 })
        : Response.json({ ...waiting, status: 'running', approvals: [] }),
    );
    vi.stubGlobal('fetch', fetch);
    const list = show(waiting);
    const cards = within(list).getAllByRole('region', { name: 'Tool call: delete_task' });
    expect(cards.map((card) => within(card).getByText('Needs approval'))).toHaveLength(2);
    await userEvent.click(within(cards[0] as HTMLElement).getByRole('button', { name: 'Approve' }));
    const answers = () => fetch.mock.calls.filter(([url]) => String(url).endsWith('/approvals'));
    expect(answers()).toHaveLength(0);
    // The first answer shows at once; the call waits for the second before anything is sent.
    expect(within(cards[0] as HTMLElement).queryByRole('button', { name: 'Approve' })).toBeNull();
    await userEvent.click(within(cards[1] as HTMLElement).getByRole('button', { name: 'Refuse' }));
    await vi.waitFor(() => expect(answers()).toHaveLength(1));
    const [url, init] = answers()[0] ?? [];
    expect(String(url)).toBe('/api/v1/agent-runs/arun_1/approvals');
    expect(JSON.parse(String(init?.body))).toEqual({
      approvals: [
        { approval_id: 'ap-1', approved: true },
        { approval_id: 'ap-2', approved: false },
      ],
    });
  });
});
