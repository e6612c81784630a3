import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicSession } from '@server/modules/identity/schema';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { SectionHeading } from '../../components/section-nav';
import { Time } from '../../components/time';
import { useToast } from '../../components/toast';
import { describeUserAgent } from './user-agent';

/** A signed-in session as GET /api/v1/me/sessions answers it. */
export type Session = PublicSession;

const sessionsKey = ['me', 'sessions'];

/** Where you are signed in; ending a session signs that browser out (ending this one signs you out here). */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [revoking, setRevoking] = useState<Session | null>(null);
  const sessions = useQuery({
    queryKey: sessionsKey,
    queryFn: () => api<{ items: Session[] }>('/api/v1/me/sessions'),
  });
  const revoke = useMutation({
    mutationFn: (session: Session) => api(`/api/v1/me/sessions/${session.id}`, { method: 'DELETE' }),
    onSuccess: (_, session) => {
      if (session.current) return location.assign('/signin');
      setRevoking(null);
      toast({ message: `Signed out ${describeUserAgent(session.user_agent)}.` });
      return queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
  return (
    <section>
      <SectionHeading
        title="Sessions"
        description="Every browser where you are signed in. End any you do not recognise."
      />
      <ErrorNotice error={sessions.error} />
      {sessions.isPending && <Spinner label="Loading sessions" />}
      <ul aria-label="Your sessions" className="flex flex-col gap-2">
        {sessions.data?.items.map((session) => (
          <li
            key={session.id}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
          >
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                {describeUserAgent(session.user_agent)}
                {session.current && (
                  <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900 dark:bg-green-950 dark:text-green-200">
                    This session
                  </span>
                )}
              </p>
              <p className="text-neutral-600 dark:text-neutral-400">
                {session.ip_address ?? 'Unknown address'} · signed in <Time value={session.created_at} /> ·
                last active <Time value={session.last_active_at} relativeToNow />
              </p>
            </div>
            <Button size="sm" variant="secondary" onClick={() => setRevoking(session)}>
              {session.current ? 'Sign out' : 'Revoke'}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking?.current ? 'Sign out of this session?' : 'Revoke this session?'}
        confirmLabel={revoking?.current ? 'Sign out' : 'Revoke session'}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        <p>
          {revoking?.current
            ? 'This is the session you are using: you will be signed out here.'
            : `${describeUserAgent(revoking?.user_agent ?? null)} will be signed out at once.`}
        </p>
      </ConfirmDialog>
    </section>
  );
}
