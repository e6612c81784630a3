import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { AuthFrame, formFields, nextPath } from './auth-frame';

/**
 * Sign in with email and password, then go where the visitor was going (`?next=`), or back into an
 * MCP client's OAuth authorization when this page was reached as its login page.
 */
export function Component() {
  const [search] = useSearchParams();
  const isOAuth = search.has('sig') && search.has('client_id');
  const signIn = useMutation({
    mutationFn: async (fields: Record<string, string>) => {
      await api('/api/v1/auth/sign-in/email', { method: 'POST', body: fields });
      if (!isOAuth) return nextPath(search);
      const { url } = await api<{ url: string }>('/api/v1/auth/oauth2/continue', {
        method: 'POST',
        body: { postLogin: true, oauth_query: search.toString() },
      });
      return url;
    },
    // A full load: the server decides what a signed-in visitor gets.
    onSuccess: (destination) => location.assign(destination),
  });

  return (
    <AuthFrame
      title="Sign in"
      intro={isOAuth ? 'An application asks to connect to your Switchboard account.' : undefined}
      error={signIn.error}
      onSubmit={(event) => signIn.mutate(formFields(event))}
    >
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" variant="primary" disabled={signIn.isPending || signIn.isSuccess}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </AuthFrame>
  );
}
