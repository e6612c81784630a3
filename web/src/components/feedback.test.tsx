import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { ErrorNotice } from './feedback';

describe('an error notice', () => {
  it('shows the server’s message with its stable code', () => {
    render(<ErrorNotice error={new ApiError(404, 'AGENT_NOT_FOUND', 'Agent helper not found')} />);
    expect(screen.getByRole('alert').textContent).toBe('Agent helper not found (AGENT_NOT_FOUND)');
    expect(screen.getByText('(AGENT_NOT_FOUND)').className).toContain('font-mono');
  });

  it('shows an error of the page itself without a code, and nothing without an error', () => {
    const { container, rerender } = render(<ErrorNotice error={new Error('Not JSON')} />);
    expect(screen.getByRole('alert').textContent).toBe('Not JSON');
    rerender(<ErrorNotice error={null} />);
    expect(container.textContent).toBe('');
  });
});
