import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolInfo } from './tool-api';
import { ToolForm } from './tool-form';

const addTask: ToolInfo = {
  name: 'add_task',
  title: 'Add a task',
  toolset: 'Tasks',
  description: 'Adds a task.',
  input_schema: {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 255, description: 'What to do' },
      priority: { type: 'string', enum: ['low', 'normal', 'high'], default: 'normal' },
    },
    required: ['title'],
  },
  output_schema: { type: 'object' },
  annotations: {
    title: 'Add a task',
    read_only_hint: false,
    destructive_hint: false,
    open_world_hint: false,
  },
};

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderForm(tool: ToolInfo) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ToolForm tool={tool} />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('a tool form', () => {
  it('labels fields by their schema title, or by their name made readable', () => {
    renderForm({
      ...addTask,
      name: 'detect_language',
      input_schema: {
        type: 'object',
        properties: {
          iso639_1: { type: 'string' },
          url: { type: 'string' },
          max_sentences: { type: 'integer' },
          top_n: { type: 'integer', title: 'Candidates to list' },
        },
      },
    });
    for (const label of ['ISO 639-1', 'URL', 'Max sentences', 'Candidates to list'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.queryByText('Iso639 1')).toBeNull();
  });

  it('catches a missing required field by the field, without calling the tool', async () => {
    const fetch = answer(200, {});
    renderForm(addTask);
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByLabelText('Title (required)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Required')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the values as the body and shows the result readably', async () => {
    const fetch = answer(200, {
      content: [{ type: 'text', text: 'Added "Buy milk".' }],
      structured_content: { task: { title: 'Buy milk', priority: 'normal' } },
      is_error: false,
    });
    renderForm(addTask);
    await userEvent.type(screen.getByLabelText('Title (required)'), 'Buy milk');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('Added "Buy milk".')).toBeTruthy();
    expect(within(result).getByText('Buy milk')).toBeTruthy();
    const [, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(request.body))).toEqual({ title: 'Buy milk', priority: 'normal' });
  });

  it('shows a validation error from the server by its field, and a tool failure with its code', async () => {
    answer(400, { error: { code: 'INVALID_INPUT', message: 'title: too long', field: 'title' } });
    renderForm(addTask);
    await userEvent.type(screen.getByLabelText('Title (required)'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('title: too long')).toBeTruthy();
    expect(screen.getByLabelText('Title (required)').getAttribute('aria-invalid')).toBe('true');

    answer(200, {
      content: [{ type: 'text', text: 'No such task' }],
      structured_content: { error_code: 'TASK_NOT_FOUND', message: 'Task t9 not found' },
      is_error: true,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('TASK_NOT_FOUND')).toBeTruthy();
    expect(screen.getByText('Task t9 not found')).toBeTruthy();
  });

  it('asks before running a destructive tool', async () => {
    const fetch = answer(200, { content: [], structured_content: { deleted: true }, is_error: false });
    renderForm({
      ...addTask,
      name: 'delete_task',
      title: 'Delete a task',
      annotations: {
        title: 'Delete a task',
        read_only_hint: false,
        destructive_hint: true,
        open_world_hint: false,
      },
    });
    await userEvent.type(screen.getByLabelText('Title (required)'), 't1');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Run it' }));
    expect(await screen.findByRole('region', { name: 'Result' })).toBeTruthy();
    expect(fetch).toHaveBeenCalledOnce();
  });
});
