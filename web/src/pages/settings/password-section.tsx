import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePasswordMinLength } from '../../api/password-rule';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { useToast } from '../../components/toast';
import { changePassword } from './change-password';

const empty = { current: '', next: '', confirm: '' };

/** Changes your password: the current one, the new one twice; optionally signs out everywhere else. */
export function PasswordSection() {
  const toast = useToast();
  const minLength = usePasswordMinLength();
  const [fields, setFields] = useState(empty);
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      changePassword({
        currentPassword: fields.current,
        newPassword: fields.next,
        revokeOtherSessions: revokeOthers,
      }),
    onSuccess: () => {
      setFields(empty);
      setSubmitted(false);
      toast({ message: 'Your password is changed.' });
    },
  });
  const mismatch = fields.confirm !== '' && fields.confirm !== fields.next;
  const tooShort = fields.next !== '' && fields.next.length < minLength;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (mismatch || tooShort) return;
    change.mutate();
  };
  const field = (key: keyof typeof empty) => ({
    value: fields[key],
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value }),
  });
  return (
    <section>
      <SectionHeading title="Password" description="You will need your current password." />
      <form onSubmit={submit} className="flex max-w-md flex-col gap-4">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          {...field('current')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${minLength} characters.`}
          error={submitted && tooShort ? `Use at least ${minLength} characters.` : undefined}
          {...field('next')}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? 'The two new passwords differ.' : undefined}
          {...field('confirm')}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={revokeOthers}
            onChange={(event) => setRevokeOthers(event.target.checked)}
          />
          Sign out my other sessions
        </label>
        <ErrorNotice error={change.error} />
        <div>
          <Button type="submit" variant="primary" disabled={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
