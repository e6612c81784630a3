import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { User } from '../../../api/types';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { SectionHeading } from '../../../components/section-nav';
import { useToast } from '../../../components/toast';
import { Icon } from '../../../layout/icons';
import { useCurrentUser } from '../../../session';
import { CreateUserDialog } from './create-user-dialog';
import { type UserChange, changeText } from './user-change';
import { UserRow } from './user-row';
import { usersKey, useUsers } from './users';

/** Every account: create one, change a role, deactivate or reactivate (each asked first). */
export function UsersSection() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const me = useCurrentUser().data;
  const users = useUsers();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [change, setChange] = useState<UserChange | null>(null);
  const update = useMutation({
    mutationFn: ({ user, fields }: UserChange) =>
      api<User>(`/api/v1/admin/users/${user.id}`, { method: 'PATCH', body: fields }),
    onSuccess: async (updated, asked) => {
      setChange(null);
      toast({ message: changeText(asked, me?.id).done });
      await queryClient.invalidateQueries({ queryKey: usersKey });
      if (updated.id === me?.id) await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const closeChange = () => {
    setChange(null);
    update.reset();
  };
  const needle = filter.trim().toLowerCase();
  const items = (users.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (user) =>
      !needle || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle),
  );
  const text = change ? changeText(change, me?.id) : null;
  return (
    <section>
      <SectionHeading
        title="Users"
        description="Everyone with an account here."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" className="size-4" />
            Create user
          </Button>
        }
      />
      <div className="mb-4 max-w-sm">
        <TextField
          label="Filter by name or email"
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <ErrorNotice error={users.error} />
      {users.isPending && <Spinner label="Loading users" />}
      {users.isSuccess && items.length === 0 && <p className="text-sm">No one matches “{filter}”.</p>}
      <ul aria-label="Users" className="flex flex-col gap-2">
        {items.map((user) => (
          <UserRow
            key={user.id}
            user={user}
            isMe={user.id === me?.id}
            onChange={(fields) => setChange({ user, fields })}
          />
        ))}
      </ul>
      {users.hasNextPage && (
        <Button
          className="mt-3"
          onClick={() => void users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={change !== null}
        title={text?.title ?? ''}
        confirmLabel={text?.confirm ?? ''}
        danger={text?.danger}
        pending={update.isPending}
        error={update.error}
        onConfirm={() => change && update.mutate(change)}
        onClose={closeChange}
      >
        <p>{text?.body}</p>
      </ConfirmDialog>
    </section>
  );
}
