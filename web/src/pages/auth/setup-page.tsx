import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { AccountFields } from './account-form';
import { AuthFrame, formFields } from './auth-frame';

/** First run: create the administrator. The server serves this page only while no admin exists. */
export function Component() {
  const setup = useMutation({
    mutationFn: (fields: Record<string, string>) => api('/api/v1/setup', { method: 'POST', body: fields }),
    onSuccess: () => location.assign('/chat'),
  });
  return (
    <AuthFrame
      title="Welcome to Switchboard"
      intro="Create the administrator account. You can invite others afterwards."
      error={setup.error}
      onSubmit={(event) => setup.mutate(formFields(event))}
    >
      <AccountFields />
      <Button type="submit" variant="primary" disabled={setup.isPending || setup.isSuccess}>
        {setup.isPending ? 'Creating…' : 'Create the administrator'}
      </Button>
    </AuthFrame>
  );
}
