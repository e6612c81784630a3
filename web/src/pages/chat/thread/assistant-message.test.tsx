import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AssistantMessage } from './assistant-message';
import type { ThreadMessage } from './thread-message';

function reply(metadata: ThreadMessage['metadata']): ThreadMessage {
  return { id: 'r1', role: 'assistant', parts: [{ type: 'text', text: 'Partly written' }], metadata };
}

function show(message: ThreadMessage) {
  render(
    <AssistantMessage
      message={message}
      busy={false}
      onRegenerate={vi.fn()}
      onSwitch={vi.fn()}
      onAnswer={vi.fn()}
    />,
  );
}

const branch = { index: 1, count: 3, sibling_ids: ['a', 'r1', 'c'] };

describe('a reply', () => {
  it('says when it failed, with the error code and message', () => {
    show(
      reply({
        status: 'error',
        error: { code: 'MODEL_UNREACHABLE', message: 'The model did not answer.' },
        branch,
      }),
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The reply failed: The model did not answer. (MODEL_UNREACHABLE)',
    );
    expect(screen.getByText('Partly written')).toBeTruthy();
  });

  it('says when it was stopped, and can be written again or switched to another version', () => {
    show(reply({ status: 'interrupted', branch }));
    expect(screen.getByText('Stopped before it finished.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Regenerate reply' })).toBeTruthy();
    expect(screen.getByText('2 / 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous version' })).toHaveProperty('disabled', false);
  });

  it('offers no regeneration while it is still being written', () => {
    show(reply({ status: 'streaming', branch }));
    expect(screen.queryByRole('button', { name: 'Regenerate reply' })).toBeNull();
  });

  it('shows a model’s speed, and for the built-in assistant an "offline" badge instead', () => {
    const metrics = {
      input_tokens: 10,
      output_tokens: 20,
      time_to_first_token_ms: 15,
      total_ms: 400,
      tokens_per_second: 50,
    };
    show(reply({ status: 'complete', model: 'ollama:qwen2.5:14b', metrics, branch }));
    expect(screen.getByText(/50 tokens\/s/)).toBeTruthy();
    expect(screen.queryByText('offline')).toBeNull();
    cleanup();
    show(reply({ status: 'complete', model: 'offline', metrics, branch }));
    expect(screen.queryByText(/tokens\/s/)).toBeNull();
    expect(screen.getByText('offline')).toBeTruthy();
  });
});
