import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { AgentMessageView } from '@server/modules/agents/mailbox/schema';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';

type MessagePage = { items: AgentMessageView[]; next_cursor: string | null };

/** A message's payload in one line: its text, or its JSON. */
const gist = (payload: unknown) => (typeof payload === 'string' ? payload : JSON.stringify(payload));

function MessageRow({ message, action }: { message: AgentMessageView; action?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
      <span className="rounded-full border border-neutral-300 px-2 py-0.5 text-xs dark:border-neutral-700">
        {message.status}
      </span>
      <Time value={message.created_at} relativeToNow />
      {message.capability && <span className="font-mono text-xs">{message.capability}</span>}
      <span className="min-w-0 flex-1 truncate">{gist(message.payload)}</span>
      <span className="text-xs text-neutral-600 dark:text-neutral-400">
        {message.attempts}/{message.max_attempts} attempts
      </span>
      {action}
    </li>
  );
}

/**
 * The agent's mailbox (messages other agents and runs sent it, in any state), and its dead letters
 * (delivered the most times without an acknowledgement), each of which can be put back.
 */
export function MailboxPanel({ agentId }: { agentId: string }) {
  const client = useQueryClient();
  const messages = useQuery({
    queryKey: ['agents', 'mailbox', agentId],
    queryFn: ({ signal }) =>
      api<MessagePage>(`/api/v1/agents/${encodeURIComponent(agentId)}/messages`, {
        query: { limit: 20 },
        signal,
      }),
  });
  const dead = useQuery({
    queryKey: ['agents', 'dead-letters'],
    queryFn: ({ signal }) =>
      api<MessagePage>('/api/v1/agents/dead-letters', { query: { limit: 100 }, signal }),
  });
  const replay = useMutation({
    mutationFn: (id: string) =>
      api<AgentMessageView>(`/api/v1/agents/dead-letters/${id}/replay`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['agents'] }),
  });
  const letters = (dead.data?.items ?? []).filter((message) => message.to_agent_id === agentId);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="mb-1 font-medium">Messages</h3>
        {messages.isPending ? (
          <Spinner label="Loading messages" />
        ) : messages.isError ? (
          <ErrorNotice error={messages.error} />
        ) : messages.data.items.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            No messages: other agents and runs send them with the send_agent_message tool.
          </p>
        ) : (
          <ul aria-label="Messages" className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {messages.data.items.map((message) => (
              <MessageRow key={message.id} message={message} />
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-1 font-medium">Dead letters</h3>
        <ErrorNotice error={replay.error ?? dead.error} />
        {letters.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">None: every message was taken.</p>
        ) : (
          <ul aria-label="Dead letters" className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {letters.map((message) => (
              <MessageRow
                key={message.id}
                message={message}
                action={
                  <Button size="sm" disabled={replay.isPending} onClick={() => replay.mutate(message.id)}>
                    Replay
                  </Button>
                }
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
