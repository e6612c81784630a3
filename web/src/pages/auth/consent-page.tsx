import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { AuthFrame } from './auth-frame';

/** OAuth consent: an MCP client asks to act as the signed-in user; allow or deny. */
export function Component() {
  const [search] = useSearchParams();
  const clientId = search.get('client_id') ?? '';
  const client = useQuery({
    queryKey: ['oauth-client', clientId],
    queryFn: () =>
      api<{ client_name?: string }>('/api/v1/auth/oauth2/public-client', { query: { client_id: clientId } }),
    retry: false,
  });
  const returnsTo = safeHost(search.get('redirect_uri'));
  const answer = useMutation({
    mutationFn: (accept: boolean) =>
      api<{ url: string }>('/api/v1/auth/oauth2/consent', {
        method: 'POST',
        body: { accept, oauth_query: search.toString() },
      }),
    onSuccess: ({ url }) => location.assign(url),
  });
  const name = client.data?.client_name ?? clientId;
  return (
    <AuthFrame
      title="Allow access?"
      intro={
        <>
          <strong>{name}</strong>
          {returnsTo && <> (returning to {returnsTo})</>} asks to use your Switchboard tools, documents and
          prompts as you, with these permissions: <code>{search.get('scope') ?? 'none named'}</code>.
        </>
      }
      error={answer.error}
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate(true);
      }}
    >
      <div className="flex justify-end gap-2">
        <Button onClick={() => answer.mutate(false)} disabled={answer.isPending}>
          Deny
        </Button>
        <Button type="submit" variant="primary" disabled={answer.isPending}>
          Allow
        </Button>
      </div>
    </AuthFrame>
  );
}

function safeHost(uri: string | null): string | undefined {
  try {
    return uri ? new URL(uri).host : undefined;
  } catch {
    return undefined;
  }
}
