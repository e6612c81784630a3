import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useEffectEvent, useState } from 'react';
import type { LiveEvent } from './types';

type Listener = (event: LiveEvent) => void;

const ListenersContext = createContext<Set<Listener> | null>(null);

/** Which cached queries an event makes stale: query keys start with the module's name. */
const staleQueries: [prefix: string, key: string][] = [
  ['task.', 'tasks'],
  ['conversation.', 'conversations'],
  ['conversations.', 'conversations'],
  ['message.', 'conversations'],
  ['resource.', 'documents'],
  ['prompt.', 'prompts'],
  ['mcp_server.', 'mcp-servers'],
  ['workflow.', 'workflows'],
  ['workflow.', 'workflow-runs'],
  ['workflow.', 'approvals'],
  ['agent.', 'agents'],
  ['agent.run.', 'agent-runs'],
  ['context.', 'context'],
  ['', 'event-history'],
  ['memory.', 'memories'],
  ['marketplace.', 'marketplace'],
];

function invalidateFor(queryClient: QueryClient, event: LiveEvent) {
  for (const [prefix, key] of staleQueries)
    if (event.type.startsWith(prefix)) void queryClient.invalidateQueries({ queryKey: [key] });
}

/**
 * Follows the user's events over the WebSocket at /api/v1/events (reconnecting with backoff), marks
 * the matching cached queries stale so every page shows changes made elsewhere (another tab, the
 * assistant, an MCP client), and hands each event to `useLiveEvent` listeners.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [listeners] = useState(() => new Set<Listener>());

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${location.host}/api/v1/events`);
      socket.onopen = () => {
        attempts = 0;
      };
      socket.onmessage = (message) => {
        const event = JSON.parse(String(message.data)) as LiveEvent;
        invalidateFor(queryClient, event);
        for (const listener of listeners) listener(event);
      };
      socket.onclose = () => {
        if (stopped) return;
        attempts += 1;
        retry = setTimeout(connect, Math.min(30_000, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [queryClient, listeners]);

  return <ListenersContext.Provider value={listeners}>{children}</ListenersContext.Provider>;
}

/** Calls `onEvent` for each live event whose type starts with `prefix` (e.g. `task.`). */
export function useLiveEvent(prefix: string, onEvent: Listener) {
  const listeners = useContext(ListenersContext);
  const handle = useEffectEvent(onEvent);
  useEffect(() => {
    if (!listeners) return;
    const listener: Listener = (event) => {
      if (event.type.startsWith(prefix)) handle(event);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listeners, prefix]);
}
