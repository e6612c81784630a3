import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { McpServerTools } from '@server/modules/mcp-servers/schema';
import { api } from '../../../api/client';
import { Dialog } from '../../../components/dialog';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { type McpServer, mcpServersKey } from './mcp-servers';

/** The tools a server offers, as the assistant sees them (asking connects it if needed). */
export function ServerToolsDialog({ server, onClose }: { server: McpServer | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const tools = useQuery({
    queryKey: [...mcpServersKey, server?.id, 'tools'],
    queryFn: async () => {
      const answer = await api<McpServerTools>(`/api/v1/mcp-servers/${server?.id}/tools`);
      // Asking connects the server: the list shows its new status and tool count.
      void queryClient.invalidateQueries({ queryKey: [...mcpServersKey, 'list'] });
      return answer;
    },
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
