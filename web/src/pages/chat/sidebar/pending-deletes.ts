import { useSyncExternalStore } from 'react';
import { api } from '../../../api/client';

/**
 * Conversations deleted in the sidebar whose DELETE waits for the undo window to pass. Kept outside
 * React so that leaving the chat page neither forgets nor cancels them.
 */
interface PendingDelete {
  timer: ReturnType<typeof setTimeout>;
  onDeleted: () => unknown;
  onFailed: (error: unknown) => void;
}

const pending = new Map<string, PendingDelete>();
const listeners = new Set<() => void>();
/** Ids the lists leave out: waiting for their DELETE, or deleted. */
let hidden: ReadonlySet<string> = new Set();
let watchingPageExit = false;

function setHidden(id: string, hide: boolean) {
  const next = new Set(hidden);
  if (hide) next.add(id);
  else next.delete(id);
  hidden = next;
  for (const listener of listeners) listener();
}

const path = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;

async function send(id: string) {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  try {
    await api(path(id), { method: 'DELETE' }).catch((error: unknown) => {
      // Deleted elsewhere meanwhile: what the user asked for has happened.
      if ((error as { status?: number }).status !== 404) throw error;
    });
    await entry.onDeleted();
  } catch (error) {
    setHidden(id, false);
    entry.onFailed(error);
  }
}

/** The page is going away (or hidden, and may never come back): send every waiting delete now. */
function flush() {
  for (const [id, entry] of pending) {
    clearTimeout(entry.timer);
    pending.delete(id);
    void fetch(path(id), { method: 'DELETE', keepalive: true, headers: { accept: 'application/json' } });
  }
}

function watchPageExit() {
  if (watchingPageExit) return;
  watchingPageExit = true;
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

/** Hides the conversation at once and deletes it after `delayMs`, unless `undoDelete` comes first. */
export function scheduleDelete({
  id,
  delayMs,
  onDeleted,
  onFailed,
}: { id: string; delayMs: number } & Omit<PendingDelete, 'timer'>) {
  watchPageExit();
  setHidden(id, true);
  pending.set(id, { timer: setTimeout(() => void send(id), delayMs), onDeleted, onFailed });
}

/** Brings a conversation back if its delete has not been sent yet; false when it is too late. */
export function undoDelete(id: string): boolean {
  const entry = pending.get(id);
  if (!entry) return false;
  clearTimeout(entry.timer);
  pending.delete(id);
  setHidden(id, false);
  return true;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids of conversations deleted (or about to be) that lists must not show. */
export function useHiddenConversations(): ReadonlySet<string> {
  return useSyncExternalStore(
    subscribe,
    () => hidden,
    () => hidden,
  );
}
