import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { useToast } from '../../../components/toast';
import { Icon } from '../../../layout/icons';
import { type McpServer, mcpServersKey } from './mcp-servers';
import { ServerFormDialog } from './server-form-dialog';
import { ServerRow } from './server-row';
import { ServerToolsDialog } from './server-tools-dialog';

type Editing = { server?: McpServer } | null;

/** External MCP servers whose tools your assistant may use: add, edit, switch off, refresh, delete. */
export function McpServersSection() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [viewing, setViewing] = useState<McpServer | null>(null);
  const [deleting, setDeleting] = useState<McpServer | null>(null);
  const servers = useInfiniteQuery({
    queryKey: [...mcpServersKey, 'list'],
    queryFn: ({ pageParam }) => api<Page<McpServer>>('/api/v1/mcp-servers', { query: { cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const remove = useMutation({
    mutationFn: (server: McpServer) => api(`/api/v1/mcp-servers/${server.id}`, { method: 'DELETE' }),
    onSuccess: (_, server) => {
      setDeleting(null);
      toast({ message: `Deleted ${server.name}.` });
      return queryClient.invalidateQueries({ queryKey: mcpServersKey });
    },
  });
  const items = servers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <SectionHeading
        title="MCP servers"
        description="Other MCP servers whose tools your assistant may use, as you."
        actions={
          <Button variant="primary" onClick={() => setEditing({})}>
            <Icon name="plus" className="size-4" />
            Add server
          </Button>
        }
      />
      <ErrorNotice error={servers.error} />
      {servers.isPending && <Spinner label="Loading MCP servers" />}
      {servers.isSuccess && items.length === 0 && (
        <EmptyState title="No MCP servers yet">Add one to give your assistant its tools.</EmptyState>
      )}
      <ul className="flex flex-col gap-2">
        {items.map((server) => (
          <ServerRow
            key={server.id}
            server={server}
            onEdit={() => setEditing({ server })}
            onViewTools={() => setViewing(server)}
            onDelete={() => setDeleting(server)}
          />
        ))}
      </ul>
      {servers.hasNextPage && (
        <Button
          className="mt-3"
          onClick={() => void servers.fetchNextPage()}
          disabled={servers.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      {editing && <ServerFormDialog open server={editing.server} onClose={() => setEditing(null)} />}
      <ServerToolsDialog server={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this MCP server?"
        confirmLabel="Delete server"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        <p>Your assistant will no longer see the tools of “{deleting?.name}”.</p>
      </ConfirmDialog>
    </section>
  );
}
