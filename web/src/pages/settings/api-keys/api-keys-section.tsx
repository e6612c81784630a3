import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { useToast } from '../../../components/toast';
import { Icon } from '../../../layout/icons';
import { type ApiKey, apiKeysKey } from './api-keys';
import { ApiKeyRow } from './api-key-row';
import { CreateKeyDialog } from './create-key-dialog';

/** Your API keys: create one (shown once), see when each was used, revoke. */
export function ApiKeysSection() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({
    queryKey: apiKeysKey,
    queryFn: () => api<{ items: ApiKey[] }>('/api/v1/me/api-keys'),
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api(`/api/v1/me/api-keys/${key.id}`, { method: 'DELETE' }),
    onSuccess: (_, key) => {
      setRevoking(null);
      toast({ message: `Revoked “${key.name}”.` });
      return queryClient.invalidateQueries({ queryKey: apiKeysKey });
    },
  });
  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <Icon name="plus" className="size-4" />
      Create API key
    </Button>
  );
  return (
    <section>
      <SectionHeading
        title="API keys"
        description="For scripts and MCP clients. A key acts as you, within the scopes you give it."
        actions={create}
      />
      <ErrorNotice error={keys.error} />
      {keys.isPending && <Spinner label="Loading API keys" />}
      {keys.data?.items.length === 0 && (
        <EmptyState title="No API keys yet">
          Create one to connect an MCP client or call the API from a script.
        </EmptyState>
      )}
      {keys.data && keys.data.items.length > 0 && (
        <ul className="flex flex-col gap-2">
          {keys.data.items.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} onRevoke={() => setRevoking(key)} />
          ))}
        </ul>
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        <p>
          Anything using “{revoking?.name}” stops working at once. This cannot be undone: you would create a
          new key.
        </p>
      </ConfirmDialog>
    </section>
  );
}
