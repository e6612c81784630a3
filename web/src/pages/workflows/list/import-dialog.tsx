import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorNotice } from '../../../components/feedback';
import { TextArea } from '../../../components/field';
import { useWorkflowMutations } from '../workflow-api';

/** Paste a definition (JSON or YAML): the server checks it and saves it as a new workflow. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const { importDocument } = useWorkflowMutations();
  const navigate = useNavigate();
  return (
    <Dialog
      open={open}
      title="Import a workflow"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!text.trim() || importDocument.isPending}
            onClick={() =>
              importDocument.mutate(text, { onSuccess: (workflow) => navigate(`/workflows/${workflow.id}`) })
            }
          >
            Import
          </Button>
        </>
      }
    >
      <TextArea
        label="Definition"
        hint="JSON or YAML, as Export gives it."
        rows={14}
        className="font-mono"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ErrorNotice error={importDocument.error} className="mt-3" />
    </Dialog>
  );
}
