import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Scope } from '@server/actor';
import type { CreateApiKeyInput, CreatedApiKey, PublicApiKey } from '@server/modules/identity/schema';
import { api } from '../../../api/client';

export type { Scope };

/** An API key as the list shows it: never the key itself. */
export type ApiKey = PublicApiKey;

/** What each scope lets a key do, in a sentence; `admin` only an admin may grant. */
export const scopeChoices: { scope: Scope; label: string; description: string; adminOnly?: boolean }[] = [
  {
    scope: 'mcp',
    label: 'MCP',
    description: 'Connect an MCP client (Claude Desktop, Cursor, VS Code) and use your tools.',
  },
  {
    scope: 'api:read',
    label: 'Read',
    description: 'Read your account, tasks, documents, prompts and conversations over the REST API.',
  },
  {
    scope: 'api:write',
    label: 'Write',
    description: 'Create, change and delete them over the REST API, and chat with the assistant.',
  },
  {
    scope: 'admin',
    label: 'Admin',
    description: 'Manage users, read the audit log and choose the models.',
    adminOnly: true,
  },
];

export const apiKeysKey = ['me', 'api-keys'];

/** Creates a key; the answer carries the key itself, this once. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      api<CreatedApiKey>('/api/v1/me/api-keys', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

/** Whether a key's expiry has passed. */
export function isExpired(apiKey: ApiKey, now = Date.now()): boolean {
  return apiKey.expires_at !== null && new Date(apiKey.expires_at).getTime() < now;
}
