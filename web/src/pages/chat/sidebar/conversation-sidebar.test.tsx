import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../api/conversations';
import { ToastProvider } from '../../../components/toast';
import { ConversationSidebar } from './conversation-sidebar';

const conversation = (fields: Partial<Conversation> & { id: string }): Conversation => ({
  title: '',
  pinned: false,
  archived: false,
  tags: [],
  model: null,
  active_message_id: null,
  message_count: 2,
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
  last_message_at: null,
  ...fields,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server as the sidebar sees it: lists by the `pinned` filter, and every request recorded. */
function fakeServer(conversations: Conversation[]) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if ((init?.method ?? 'GET') !== 'GET') return new Response(null, { status: 204 });
    const pinned = url.searchParams.get('pinned');
    const items = conversations.filter((item) => pinned === null || String(item.pinned) === pinned);
    return json({ items, next_cursor: null });
  });
}

function renderSidebar(activeId?: string) {
  const router = createMemoryRouter(
    [{ path: '/chat/:conversationId?', element: <ConversationSidebar activeId={activeId} /> }],
    { initialEntries: [activeId ? `/chat/${activeId}` : '/chat'] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return router;
}

describe('ConversationSidebar', () => {
  let fetchMock: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    fetchMock = fakeServer([
      conversation({ id: 'a', title: 'Groceries', pinned: true }),
      conversation({ id: 'b', title: 'Trip to Lisbon' }),
      conversation({ id: 'c' }),
    ]);
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('groups pinned conversations first, names untitled ones and marks the open one', async () => {
    renderSidebar('b');
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    const pinned = await within(nav).findByRole('region', { name: 'Pinned' });
    expect(within(pinned).getByRole('link', { name: /Groceries/ })).toBeTruthy();
    const recent = within(nav).getByRole('region', { name: 'Recent' });
    expect(within(recent).getByRole('link', { name: /New conversation/ })).toBeTruthy();
    expect(
      within(recent)
        .getByRole('link', { name: /Trip to Lisbon/ })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('hides a deleted conversation at once and brings it back on Undo without asking the server', async () => {
    const user = userEvent.setup();
    const router = renderSidebar('b');
    await user.click(await screen.findByRole('button', { name: 'Actions for Trip to Lisbon' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(screen.queryByRole('link', { name: /Trip to Lisbon/ })).toBeNull();
    expect(router.state.location.pathname).toBe('/chat');
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByRole('link', { name: /Trip to Lisbon/ });
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
  });

  it('loads the next page with Load more', async () => {
    const user = userEvent.setup();
    const page = (items: Conversation[], next_cursor: string | null) => json({ items, next_cursor });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.searchParams.get('pinned') === 'true') return page([], null);
        return url.searchParams.get('cursor') === 'second'
          ? page([conversation({ id: 'old', title: 'Older one' })], null)
          : page([conversation({ id: 'new', title: 'Newer one' })], 'second');
      }),
    );
    renderSidebar();
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: /Older one/ });
    expect(screen.getByRole('link', { name: /Newer one/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when there are no conversations yet', async () => {
    vi.stubGlobal('fetch', fakeServer([]));
    renderSidebar();
    await waitFor(() => expect(screen.getByText('No conversations yet')).toBeTruthy());
  });
});
