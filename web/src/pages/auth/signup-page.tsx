import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { AccountFields } from './account-form';
import { AuthFrame, formFields } from './auth-frame';
import { useFeature } from '../../api/features';

/** Create an account, with an invite link's token when the instance asks for one. */
export function Component() {
  const [search] = useSearchParams();
  const invite = search.get('invite') ?? undefined;
  const open = useFeature('sign_up');
  const signUp = useMutation({
    mutationFn: (fields: Record<string, string>) =>
      api('/api/v1/auth/sign-up/email', { method: 'POST', body: { ...fields, invite } }),
    onSuccess: () => location.assign('/chat'),
  });
  return (
    <AuthFrame
      title="Create your account"
      intro={invite ? 'You were invited to this Switchboard.' : undefined}
      error={signUp.error}
      onSubmit={(event) => signUp.mutate(formFields(event))}
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      {open ? (
        <>
          <AccountFields />
          <Button type="submit" variant="primary" disabled={signUp.isPending || signUp.isSuccess}>
            {signUp.isPending ? 'Creating…' : 'Create account'}
          </Button>
        </>
      ) : (
        <p>Sign-up is switched off on this instance: ask an administrator for an account.</p>
      )}
    </AuthFrame>
  );
}
