import type { CreateUserInput } from '@server/modules/identity/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client';
import { usePasswordMinLength } from '../../../api/password-rule';
import type { Role, User } from '../../../api/types';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { usersKey } from './users';

const empty = { name: '', email: '', password: '', role: 'user' as Role };

/** Creates an account with a first password, which its owner can change in Settings. */
export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const minLength = usePasswordMinLength();
  const [fields, setFields] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      api<User>('/api/v1/admin/users', { method: 'POST', body: fields satisfies CreateUserInput }),
    onSuccess: async (user) => {
      toast({ message: `Created ${user.name}. Give them their password privately.` });
      await queryClient.invalidateQueries({ queryKey: usersKey });
      close();
    },
  });
  function close() {
    setFields(empty);
    create.reset();
    onClose();
  }
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const fieldError = (field: string) =>
    create.error && 'field' in create.error && create.error.field === field
      ? create.error.message
      : undefined;
  return (
    <Dialog
      open={open}
      title="Create a user"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" form="create-user-form" variant="primary" disabled={create.isPending}>
            Create user
          </Button>
        </>
      }
    >
      <form id="create-user-form" onSubmit={submit} className="flex flex-col gap-4">
        <TextField label="Name" required maxLength={100} value={fields.name} onChange={set('name')} />
        <TextField
          label="Email"
          type="email"
          required
          value={fields.email}
          onChange={set('email')}
          error={fieldError('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          value={fields.password}
          onChange={set('password')}
          hint={`At least ${minLength} characters. They can change it in Settings.`}
          error={fieldError('password')}
        />
        <SelectField label="Role" value={fields.role} onChange={set('role')}>
          <option value="user">User</option>
          <option value="admin">Admin: manages users, the audit log and models</option>
        </SelectField>
        <ErrorNotice error={create.error} />
      </form>
    </Dialog>
  );
}
