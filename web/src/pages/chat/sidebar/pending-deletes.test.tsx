import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleDelete, undoDelete, useHiddenConversations } from './pending-deletes';

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('deleting a conversation with undo', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    fetchMock = vi.fn(async () => answer(204));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const callbacks = () => ({ onDeleted: vi.fn(), onFailed: vi.fn() });

  it('hides it at once and sends nothing when undone in time', () => {
    const hidden = renderHook(() => useHiddenConversations());
    act(() => scheduleDelete({ id: 'c1', delayMs: 6000, ...callbacks() }));
    expect(hidden.result.current.has('c1')).toBe(true);
    act(() => expect(undoDelete('c1')).toBe(true));
    expect(hidden.result.current.has('c1')).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the DELETE only when the undo window is over', async () => {
    const done = callbacks();
    scheduleDelete({ id: 'c2', delayMs: 6000, ...done });
    vi.advanceTimersByTime(5999);
    expect(fetchMock).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/conversations/c2',
      expect.objectContaining({ method: 'DELETE' }),
    );
    expect(done.onDeleted).toHaveBeenCalledOnce();
    expect(undoDelete('c2')).toBe(false);
  });

  it('shows it again and reports why when the server refuses', async () => {
    fetchMock.mockResolvedValueOnce(answer(500, { error: { code: 'INTERNAL', message: 'Database down' } }));
    const hidden = renderHook(() => useHiddenConversations());
    const done = callbacks();
    act(() => scheduleDelete({ id: 'c3', delayMs: 100, ...done }));
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(done.onFailed).toHaveBeenCalledWith(expect.objectContaining({ message: 'Database down' }));
    expect(hidden.result.current.has('c3')).toBe(false);
  });

  it('sends waiting deletes with keepalive when the page goes away', () => {
    scheduleDelete({ id: 'c4', delayMs: 6000, ...callbacks() });
    window.dispatchEvent(new Event('pagehide'));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/conversations/c4',
      expect.objectContaining({ method: 'DELETE', keepalive: true }),
    );
    expect(undoDelete('c4')).toBe(false);
  });
});
