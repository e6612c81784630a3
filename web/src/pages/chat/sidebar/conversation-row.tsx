import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Conversation } from '../../../api/conversations';
import { Time } from '../../../components/time';
import { ActionsMenu, type MenuAction } from './actions-menu';
import { displayTitle, useUpdateConversation } from './conversation-queries';
import { RenameField } from './rename-field';
import { useExport } from './use-transfer';

/** One conversation in the sidebar: a link to it, and a menu to rename, pin, archive, export or delete it. */
export function ConversationRow({
  conversation,
  active,
  onDelete,
}: {
  conversation: Conversation;
  active: boolean;
  onDelete: (conversation: Conversation) => void;
}) {
  const { id, pinned, archived } = conversation;
  const title = displayTitle(conversation);
  const { search } = useLocation();
  const update = useUpdateConversation();
  const exportConversation = useExport();
  const [renaming, setRenaming] = useState(false);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (renaming || !refocus.current) return;
    refocus.current = false;
    linkRef.current?.focus();
  }, [renaming]);

  // Keyboard users keep their place: focus goes to the neighbouring conversation.
  const deleteAndMoveOn = () => {
    const item = linkRef.current?.closest('li');
    const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector('a');
    onDelete(conversation);
    neighbour?.focus();
  };
  const change = (changes: Parameters<typeof update.mutate>[0]['changes']) => update.mutate({ id, changes });
  const actions: MenuAction[] = [
    { label: 'Rename', icon: 'edit', onSelect: () => setRenaming(true) },
    ...(archived
      ? []
      : [
          {
            label: pinned ? 'Unpin' : 'Pin',
            icon: 'pin' as const,
            onSelect: () => change({ pinned: !pinned }),
          },
        ]),
    {
      label: archived ? 'Unarchive' : 'Archive',
      icon: 'archive',
      onSelect: () => change({ archived: !archived }),
    },
    {
      label: 'Export as Markdown',
      icon: 'download',
      onSelect: () => exportConversation({ id, format: 'markdown' }),
    },
    { label: 'Export as JSON', icon: 'download', onSelect: () => exportConversation({ id, format: 'json' }) },
    { label: 'Delete', icon: 'trash', danger: true, onSelect: deleteAndMoveOn },
  ];

  if (renaming)
    return (
      <li className="px-1 py-0.5">
        <RenameField
          title={conversation.title}
          onSave={(next) => change({ title: next })}
          onDone={(byKeyboard) => {
            refocus.current = byKeyboard;
            setRenaming(false);
          }}
        />
      </li>
    );

  return (
    <li
      className={`group flex items-center rounded-md ${
        active
          ? 'bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100'
          : 'text-neutral-900 hover:bg-neutral-100 dark:text-neutral-100 dark:hover:bg-neutral-800'
      }`}
    >
      <Link
        ref={linkRef}
        to={{ pathname: `/chat/${id}`, search }}
        aria-current={active ? 'page' : undefined}
        className="min-w-0 flex-1 rounded-md px-3 py-2 text-inherit no-underline hover:no-underline"
      >
        <span className={`block truncate text-sm ${active ? 'font-semibold' : 'font-medium'}`}>{title}</span>
        <span className="block text-xs text-neutral-600 dark:text-neutral-400">
          <Time value={conversation.updated_at} relativeToNow />
        </span>
      </Link>
      <ActionsMenu
        label={`Actions for ${title}`}
        actions={actions}
        buttonClassName="mr-1 shrink-0 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100 md:aria-expanded:opacity-100"
      />
    </li>
  );
}
