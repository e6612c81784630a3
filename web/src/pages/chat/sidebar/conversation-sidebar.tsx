import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { Icon } from '../../../layout/icons';
import { ConversationLists, type SidebarView } from './conversation-lists';
import { DataMenu } from './data-menu';
import { SearchField } from './search-field';
import { useDeleteWithUndo } from './use-delete-with-undo';

/**
 * The chat page's list of conversations: new chat, search (titles and messages), the archived view,
 * import and export. A column from 768 px up; below that a drawer opened by the "Conversations"
 * button, closed by choosing a conversation or Escape. Search and view live in the URL (?q=, ?view=).
 */
export function ConversationSidebar({ activeId }: { activeId: string | undefined }) {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const view: SidebarView = params.get('view') === 'archived' ? 'archived' : 'active';
  const deleteWithUndo = useDeleteWithUndo(activeId);
  // The drawer belongs to the page it was opened on: opening a conversation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) drawerRef.current?.querySelector<HTMLElement>('button, input, a')?.focus();
  }, [open]);

  const setParam = (name: string, value: string, replace: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace },
    );
  const close = () => {
    setOpenOn(null);
    toggleRef.current?.focus();
  };

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        aria-label="Conversations"
        aria-expanded={open}
        aria-controls="conversation-drawer"
        className="fixed right-3 top-2 z-40 rounded-md p-2 hover:bg-neutral-100 md:hidden dark:hover:bg-neutral-800"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <Icon name={open ? 'close' : 'chat'} />
      </button>
      <div
        ref={drawerRef}
        id="conversation-drawer"
        className={`${open ? 'flex' : 'hidden'} fixed inset-x-0 bottom-0 top-[53px] z-30 flex-col bg-white md:static md:flex md:w-72 md:shrink-0 md:border-r md:border-neutral-200 dark:bg-neutral-950 md:dark:border-neutral-800`}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open && !event.defaultPrevented) close();
        }}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpenOn(null);
        }}
      >
        <div className="flex flex-wrap items-center gap-2 border-b border-neutral-200 p-3 dark:border-neutral-800">
          <Button
            variant="primary"
            className="flex-1"
            onClick={() => void navigate({ pathname: '/chat', search })}
          >
            <Icon name="plus" className="size-4" />
            New chat
          </Button>
          <DataMenu />
          <div className="w-full">
            <SearchField query={query} onSearch={(next) => setParam('q', next, true)} />
          </div>
          <Button
            variant={view === 'archived' ? 'secondary' : 'ghost'}
            size="sm"
            aria-pressed={view === 'archived'}
            onClick={() => setParam('view', view === 'archived' ? '' : 'archived', false)}
          >
            <Icon name="archive" className="size-4" />
            Archived
          </Button>
        </div>
        <nav aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto px-2 pb-6">
          <ConversationLists view={view} query={query} activeId={activeId} onDelete={deleteWithUndo} />
        </nav>
      </div>
    </>
  );
}
