import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CreatedInvite, CreateInviteInput, PublicInvite } from '@server/modules/identity/schema';
import { api } from '../../../api/client';
import type { Role } from '../../../api/types';
import { Button } from '../../../components/button';
import { CopyButton } from '../../../components/copy-button';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { SectionHeading } from '../../../components/section-nav';
import { Time } from '../../../components/time';

type Invite = PublicInvite;

const invitesKey = ['admin', 'invites'];

/** Invite links: create one (its link shown once, to copy) and see which were used. */
export function InvitesSection() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [hours, setHours] = useState('72');
  const invites = useQuery({
    queryKey: invitesKey,
    queryFn: () => api<{ items: Invite[] }>('/api/v1/admin/invites'),
  });
  const create = useMutation({
    mutationFn: () =>
      api<CreatedInvite>('/api/v1/admin/invites', {
        method: 'POST',
        body: {
          email: email.trim() || undefined,
          role,
          expires_in_hours: Number(hours),
        } satisfies CreateInviteInput,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section>
      <SectionHeading
        title="Invite links"
        description="A link lets one person create their own account, once, before it expires."
      />
      <form onSubmit={submit} className="mb-6 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <TextField
          label="Only for this email (optional)"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField label="Role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          <option value="user">User</option>
          <option value="admin">Admin</option>
        </SelectField>
        <SelectField label="Valid for" value={hours} onChange={(event) => setHours(event.target.value)}>
          <option value="24">1 day</option>
          <option value="72">3 days</option>
          <option value="168">7 days</option>
          <option value="720">30 days</option>
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create link
        </Button>
      </form>
      <ErrorNotice error={create.error} className="mb-4" />
      {create.data && (
        <div className="mb-6 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <p>Send this link to the person you invite. It will not be shown again.</p>
          <code aria-label="New invite link" className="break-all select-all">
            {create.data.url}
          </code>
          <div>
            <CopyButton text={create.data.url} label="Copy link" />
          </div>
        </div>
      )}
      <ErrorNotice error={invites.error} />
      {invites.isPending && <Spinner label="Loading invite links" />}
      {invites.data?.items.length === 0 && <EmptyState title="No invite links yet" />}
      <ul className="flex flex-col gap-2">
        {invites.data?.items.map((invite) => (
          <li
            key={invite.id}
            className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800"
          >
            <p className="font-medium">
              {invite.email ?? 'Anyone with the link'} · {invite.role === 'admin' ? 'Admin' : 'User'}
            </p>
            <p className="text-neutral-600 dark:text-neutral-400">
              Created <Time value={invite.created_at} /> ·{' '}
              {invite.used_at ? (
                <>
                  used <Time value={invite.used_at} />
                </>
              ) : (
                <>
                  expires <Time value={invite.expires_at} />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
