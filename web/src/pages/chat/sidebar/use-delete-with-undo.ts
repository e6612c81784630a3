import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../api/client';
import type { Conversation } from '../../../api/conversations';
import { useToast } from '../../../components/toast';
import { displayTitle } from './conversation-queries';
import { scheduleDelete, undoDelete } from './pending-deletes';

/** How long Undo is offered before the conversation is really deleted. */
export const undoWindowMs = 6000;

/**
 * Deletes a conversation the undoable way: it leaves the list at once, a toast offers Undo, and the
 * server is asked only when the toast's time is up. Deleting the open one goes to a new chat.
 */
export function useDeleteWithUndo(activeId: string | undefined) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (conversation: Conversation) => {
      const title = displayTitle(conversation);
      scheduleDelete({
        id: conversation.id,
        delayMs: undoWindowMs,
        onDeleted: () => queryClient.invalidateQueries({ queryKey: ['conversations'] }),
        onFailed: (error) =>
          toast({ tone: 'error', message: `“${title}” could not be deleted: ${errorMessage(error)}` }),
      });
      toast({
        message: 'Conversation deleted',
        durationMs: undoWindowMs,
        action: {
          label: 'Undo',
          run: () => {
            if (!undoDelete(conversation.id))
              toast({ tone: 'error', message: `Too late to undo: “${title}” was already deleted.` });
          },
        },
      });
      if (conversation.id === activeId) void navigate('/chat');
    },
    [activeId, navigate, queryClient, toast],
  );
}
