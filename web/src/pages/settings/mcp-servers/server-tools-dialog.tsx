import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { Dialog } from '../../../components/dialog';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import type { McpServer, McpServerStatus, McpServerTool } from './mcp-servers';

/** The tools a server offers, as the assistant sees them (asking connects it if needed). */
export function ServerToolsDialog({ server, onClose }: { server: McpServer | null; onClose: () => void }) {
  const tools = useQuery({
    queryKey: ['mcp-servers', server?.id, 'tools'],
    queryFn: () =>
      api<{ items: McpServerTool[]; status: McpServerStatus }>(`/api/v1/mcp-servers/${server?.id}/tools`),
    enabled: server !== null,
  });
  return (
    <Dialog open={server !== null} title={`Tools of ${server?.name ?? ''}`} onClose={onClose}>
      <ErrorNotice error={tools.error} />
      {tools.isPending && server && <Spinner label="Loading tools" />}
      {tools.data?.status.state === 'error' && (
        <ErrorNotice error={new Error(tools.data.status.message ?? 'The server could not be reached.')} />
      )}
      {tools.data?.items.length === 0 && tools.data.status.state !== 'error' && (
        <EmptyState title="This server offers no tools" />
      )}
      <ul className="flex flex-col gap-3">
        {tools.data?.items.map((tool) => (
          <li key={tool.name} className="text-sm">
            <p className="font-medium">
              <code>{tool.name}</code>
              {tool.destructive && (
                <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                  may change or delete data
                </span>
              )}
            </p>
            {tool.description && <p className="text-neutral-600 dark:text-neutral-400">{tool.description}</p>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
