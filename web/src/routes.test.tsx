import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from './routes';

afterEach(() => vi.restoreAllMocks());

describe('the route tree', () => {
  it('shows a loading spinner while a page’s code loads, with no HydrateFallback warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({}), { status: 404 })),
    );
    const router = createMemoryRouter(routes, { initialEntries: ['/signin'] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('Loading the page')).toBeTruthy();
    await screen.findByRole('button', { name: /sign in/i }, { timeout: 10_000 });
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    expect(warnings.filter((text) => text.includes('HydrateFallback'))).toEqual([]);
    vi.unstubAllGlobals();
  });
});
