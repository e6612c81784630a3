import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Prompt } from '../prompt-api';
import { PromptEditor } from './prompt-editor';

const prompt: Prompt = {
  id: 'p1',
  name: 'translate',
  title: 'Translate',
  description: null,
  template: 'Translate into {{target}}:\n{{text}}',
  arguments: [
    { name: 'target', required: false, default: 'French', enum: ['French', 'German'] },
    { name: 'text', required: true },
  ],
  tags: ['language'],
  visibility: 'shared',
  version: 2,
  use_count: 0,
  mine: true,
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
};

function Editor({ prompt }: { prompt?: Prompt }) {
  const [values, setValues] = useState<Record<string, string>>({});
  return <PromptEditor prompt={prompt} previewValues={values} onPreviewValues={setValues} />;
}

function renderEditor(shown?: Prompt) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <Editor prompt={shown} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the prompt editor', () => {
  it('previews the template as the user types, with defaults and the missing required arguments', async () => {
    renderEditor(prompt);
    const rendered = screen.getByLabelText('Rendered prompt');
    expect(rendered.textContent).toBe('Translate into French:\n');
    expect(screen.getByText('Missing required: text')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('text (required)'), 'Good morning & <welcome>');
    expect(rendered.textContent).toBe('Translate into French:\nGood morning & <welcome>');
    await userEvent.selectOptions(screen.getByLabelText('target'), 'German');
    expect(rendered.textContent).toContain('Translate into German:');
    expect(screen.queryByText(/Missing required/)).toBeNull();
  });

  it('offers to declare the names a new template uses', async () => {
    renderEditor();
    await userEvent.type(screen.getByLabelText(/^Template/), 'Hello {{{{name}}');
    await userEvent.click(screen.getByRole('button', { name: 'Add it' }));
    expect((screen.getByLabelText('Argument name') as HTMLInputElement).value).toBe('name');
    expect(screen.getByLabelText('name (required)')).toBeTruthy();
  });

  it('shows someone else’s prompt read-only', () => {
    renderEditor({ ...prompt, mine: false });
    expect(screen.getByText(/^Read-only/)).toBeTruthy();
    // A disabled fieldset disables every input in it (happy-dom does not pass it down itself).
    expect((screen.getByRole('group', { name: 'Prompt details' }) as HTMLFieldSetElement).disabled).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: 'Save as a new version' })).toBeNull();
    expect((screen.getByLabelText('text (required)') as HTMLInputElement).disabled).toBe(false);
  });
});
