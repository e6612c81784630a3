import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutDetails } from './about-dialog';

describe('the About box', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the version, the commit and the Node.js version the server reports', async () => {
    const fetch = vi.fn(async (_url: string) =>
      Response.json({
        version: '1.2.3',
        commit: '0123456789ab',
        node: '20.19.0',
        started_at: '2026-12-06T15:00:00.000Z',
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <AboutDetails />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('1.2.3')).toBeTruthy();
    expect(screen.getByText('0123456789ab')).toBeTruthy();
    expect(screen.getByText('20.19.0')).toBeTruthy();
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/version');
  });
});
