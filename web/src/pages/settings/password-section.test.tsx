import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasswordSection } from './password-section';

describe('the password section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('states the server’s PASSWORD_MIN_LENGTH, not a fixed minimum', async () => {
    const fetch = vi.fn(async (_url: string) =>
      Response.json({ needs_admin: false, password_min_length: 14 }),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PasswordSection />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('At least 14 characters.')).toBeTruthy();
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/setup');
  });
});
