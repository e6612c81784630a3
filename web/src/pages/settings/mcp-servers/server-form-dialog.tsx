import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { useCurrentUser } from '../../../session';
import { formatPairs, type McpServer, mcpServersKey, parsePairs } from './mcp-servers';

interface Draft {
  name: string;
  transport: 'http' | 'stdio';
  url: string;
  token: string;
  headers: string;
  command: string;
  args: string;
  env: string;
}

const draftOf = (server?: McpServer): Draft => ({
  name: server?.name ?? '',
  transport: server?.transport ?? 'http',
  url: server?.url ?? '',
  token: '',
  headers: formatPairs(server?.headers ?? {}, ':'),
  command: server?.command ?? '',
  args: server?.args.join('\n') ?? '',
  env: formatPairs(server?.env ?? {}, '='),
});

/** The request body for the draft: only the fields of its transport; a token becomes the Authorization header. */
function bodyOf(draft: Draft, editing: boolean) {
  if (draft.transport === 'stdio')
    return {
      name: draft.name,
      ...(editing ? {} : { transport: 'stdio' }),
      command: draft.command,
      args: draft.args.split('\n').filter((line) => line.trim() !== ''),
      env: parsePairs(draft.env, '='),
    };
  const headers = parsePairs(draft.headers, ':');
  if (draft.token.trim()) headers.Authorization = `Bearer ${draft.token.trim()}`;
  return { name: draft.name, ...(editing ? {} : { transport: 'http' }), url: draft.url, headers };
}

/** Adds an MCP server, or changes one (`server`); stdio is offered to admins only. */
export function ServerFormDialog({
  open,
  server,
  onClose,
}: {
  open: boolean;
  server?: McpServer;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const isAdmin = useCurrentUser().data?.role === 'admin';
  const [draft, setDraft] = useState(() => draftOf(server));
  const save = useMutation({
    mutationFn: () => {
      const body = bodyOf(draft, server !== undefined);
      return server
        ? api<McpServer>(`/api/v1/mcp-servers/${server.id}`, { method: 'PATCH', body })
        : api<McpServer>('/api/v1/mcp-servers', { method: 'POST', body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mcpServersKey });
      onClose();
    },
  });
  const set = (key: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog
      open={open}
      title={server ? `Edit ${server.name}` : 'Add an MCP server'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="mcp-server-form" variant="primary" disabled={save.isPending}>
            {server ? 'Save' : 'Add server'}
          </Button>
        </>
      }
    >
      <form id="mcp-server-form" onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label="Name"
          required
          value={draft.name}
          onChange={set('name')}
          pattern="[a-z][a-z0-9_\-]{0,31}"
          hint="Lowercase letters, digits, _ or -. Its tools are called name__tool."
        />
        {isAdmin && !server && (
          <SelectField label="Transport" value={draft.transport} onChange={set('transport')}>
            <option value="http">HTTP (Streamable HTTP)</option>
            <option value="stdio">stdio (runs a command on this server’s machine)</option>
          </SelectField>
        )}
        {draft.transport === 'http' ? (
          <>
            <TextField
              label="URL"
              type="url"
              required
              value={draft.url}
              onChange={set('url')}
              placeholder="https://example.com/mcp"
            />
            <TextField
              label="Bearer token"
              type="password"
              autoComplete="off"
              value={draft.token}
              onChange={set('token')}
              hint={
                server
                  ? 'Leave empty to keep the stored headers.'
                  : 'Optional: sent as Authorization: Bearer …'
              }
            />
            <TextArea
              label="Other headers"
              rows={3}
              value={draft.headers}
              onChange={set('headers')}
              hint="One per line, as Name: value. Stored values show as ********; leave them to keep them."
            />
          </>
        ) : (
          <>
            <TextField
              label="Command"
              required
              value={draft.command}
              onChange={set('command')}
              placeholder="npx"
            />
            <TextArea
              label="Arguments"
              rows={3}
              value={draft.args}
              onChange={set('args')}
              hint="One per line."
            />
            <TextArea
              label="Environment"
              rows={3}
              value={draft.env}
              onChange={set('env')}
              hint="One per line, as NAME=value."
            />
          </>
        )}
        <ErrorNotice error={save.error} />
      </form>
    </Dialog>
  );
}
