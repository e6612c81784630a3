import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { type McpServer, mcpServersKey } from './mcp-servers';
import { ServerStatus } from './server-status';

/** One MCP server: where it is, its status, and what can be done with it. */
export function ServerRow({
  server,
  onEdit,
  onViewTools,
  onDelete,
}: {
  server: McpServer;
  onEdit: () => void;
  onViewTools: () => void;
  onDelete: () => void;
}) {
  const queryClient = useQueryClient();
  const settled = () => queryClient.invalidateQueries({ queryKey: mcpServersKey });
  const toggle = useMutation({
    mutationFn: () =>
      api(`/api/v1/mcp-servers/${server.id}`, { method: 'PATCH', body: { enabled: !server.enabled } }),
    onSettled: settled,
  });
  const refresh = useMutation({
    mutationFn: () => api(`/api/v1/mcp-servers/${server.id}/refresh`, { method: 'POST' }),
    onSettled: settled,
  });
  return (
    <li className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">{server.name}</p>
          <p className="break-all text-sm text-neutral-600 dark:text-neutral-400">
            {server.transport === 'http'
              ? server.url
              : `stdio: ${[server.command, ...server.args].join(' ')}`}
          </p>
          <div className="mt-1">
            <ServerStatus server={server} />
          </div>
        </div>
        <div className="flex flex-wrap gap-1">
          <Button
            size="sm"
            variant="ghost"
            onClick={onViewTools}
            disabled={!server.enabled}
            aria-label={`Tools of ${server.name}`}
          >
            Tools
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => refresh.mutate()}
            disabled={!server.enabled || refresh.isPending}
            aria-label={`Refresh ${server.name}`}
          >
            {refresh.isPending ? 'Refreshing…' : 'Refresh'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => toggle.mutate()}
            disabled={toggle.isPending}
            aria-label={`${server.enabled ? 'Disable' : 'Enable'} ${server.name}`}
          >
            {server.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${server.name}`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${server.name}`}>
            Delete
          </Button>
        </div>
      </div>
      <ErrorNotice error={toggle.error ?? refresh.error} className="mt-2" />
    </li>
  );
}
