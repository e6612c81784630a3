import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorNotice } from '../../../components/feedback';
import { useToast } from '../../../components/toast';
import { Icon } from '../../../layout/icons';
import { deletePrompt, type Prompt } from '../prompt-api';

/** "Use in chat" (the chat opens this prompt's argument form) and, for the owner, delete with a confirmation. */
export function PromptActions({ prompt }: { prompt: Prompt }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deletePrompt(prompt.id),
    onSuccess: () => {
      toast({ message: `Deleted “${prompt.name}”.` });
      navigate('/prompts');
    },
  });
  return (
    <div className="flex flex-wrap gap-2">
      <Link
        to={`/chat?prompt=${encodeURIComponent(prompt.id)}`}
        className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline dark:bg-blue-500 dark:text-neutral-950 dark:hover:bg-blue-400"
      >
        <Icon name="chat" className="size-4" />
        Use in chat
      </Link>
      {prompt.mine && (
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          <Icon name="trash" className="size-4" />
          Delete
        </Button>
      )}
      <Dialog
        open={confirming}
        title="Delete this prompt?"
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {remove.isPending ? 'Deleting…' : 'Delete prompt'}
            </Button>
          </>
        }
      >
        <p>
          “{prompt.title ?? prompt.name}” and all {prompt.version} of its versions will be deleted. Chats that
          used it keep their text.
        </p>
        <ErrorNotice error={remove.error} className="mt-3" />
      </Dialog>
    </div>
  );
}
