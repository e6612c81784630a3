import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { useToast } from '../../components/toast';
import { useCurrentUser } from '../../session';

/** Your name (which you may change), your email and your role. */
export function ProfileSection() {
  const user = useCurrentUser();
  if (!user.data) return <Spinner />;
  return (
    <section>
      <SectionHeading title="Profile" description="How you appear to other people on this instance." />
      <ProfileForm user={user.data} />
    </section>
  );
}

function ProfileForm({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(user.name);
  const save = useMutation({
    mutationFn: () => api<User>('/api/v1/me', { method: 'PATCH', body: { name } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['me'], updated);
      toast({ message: 'Your name is saved.' });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex max-w-md flex-col gap-4">
      <TextField
        label="Name"
        value={name}
        maxLength={100}
        required
        onChange={(event) => setName(event.target.value)}
      />
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Email</dt>
        <dd className="break-all text-neutral-700 dark:text-neutral-300">{user.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd className="text-neutral-700 dark:text-neutral-300">
          {user.role === 'admin' ? 'Administrator' : 'User'}
        </dd>
      </dl>
      <ErrorNotice error={save.error} />
      <div>
        <Button
          type="submit"
          variant="primary"
          disabled={save.isPending || name.trim() === '' || name === user.name}
        >
          Save name
        </Button>
      </div>
    </form>
  );
}
