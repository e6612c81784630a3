import { useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import { Button } from '../../../components/button';
import { SelectField, TextArea } from '../../../components/field';
import { stepAtField } from '../field-step';
import { WorkflowGraph } from '../graph/workflow-graph';
import { draftGraph, draftText, readDraft } from './definition-draft';
import { addStep, connectSteps, type PaletteKind, paletteSteps, stepIdOfNode } from './designer';
import { stepById, withStepInput } from './step-input';
import { expressionSuggestions } from './expression-suggestions';
import { StepPanel } from './step-panel';

/** Where a save or a check stands: the server's error (WORKFLOW_INVALID names a field) or a success note. */
type Outcome = { error: unknown } | { note: string } | null;

/**
 * The definition as JSON in a text area, drawn as a graph as it is typed. Check asks the server;
 * Save saves a new version. The server's first problem shows by its field, and on its step's node.
 */
export function DefinitionEditor({
  initialText,
  onSave,
  onCheck,
  saving,
}: {
  initialText: string;
  onSave: (document: Record<string, unknown>) => Promise<unknown>;
  onCheck: (document: Record<string, unknown>) => Promise<unknown>;
  saving: boolean;
}) {
  const [text, setText] = useState(initialText);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [kind, setKind] = useState<PaletteKind>('tool');
  const [designNote, setDesignNote] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const draft = readDraft(text);
  const document = 'document' in draft ? draft.document : undefined;
  const graph = draftGraph(document);
  const error = outcome && 'error' in outcome ? outcome.error : undefined;
  const field = error instanceof ApiError ? error.field : undefined;
  const badStep = document ? stepAtField(document, field) : undefined;
  const pickedStep = document && picked ? stepById(document, picked) : undefined;

  const edit = (next: Record<string, unknown>) => {
    setText(draftText(next));
    setOutcome(null);
    setDesignNote(null);
  };
  const connect = (source: string, target: string) => {
    if (!document) return;
    const joined = connectSteps(document, stepIdOfNode(source), stepIdOfNode(target));
    if ('problem' in joined && typeof joined.problem === 'string') setDesignNote(joined.problem);
    else edit(joined);
  };

  const act = async (action: (document: Record<string, unknown>) => Promise<unknown>, note: string) => {
    if (!document) return;
    try {
      await action(document);
      setOutcome({ note });
    } catch (failure) {
      setOutcome({ error: failure });
    }
  };

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="flex flex-col gap-2">
        <TextArea
          label="Definition (JSON)"
          rows={24}
          spellCheck={false}
          className="font-mono text-xs"
          value={text}
          error={'problem' in draft ? draft.problem : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setOutcome(null);
          }}
        />
        {error !== undefined && (
          <div
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {field && (
              <p>
                At <code className="font-semibold">{field}</code>
                {badStep && ` (step ${badStep}, marked on the graph)`}:
              </p>
            )}
            <p>{errorMessage(error)}</p>
          </div>
        )}
        {outcome && 'note' in outcome && (
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            {outcome.note}
          </p>
        )}
        <div className="flex gap-2">
          <Button
            disabled={!document || saving}
            onClick={() => void act(onCheck, 'The definition is valid.')}
          >
            Check
          </Button>
          <Button variant="primary" disabled={!document || saving} onClick={() => void act(onSave, 'Saved.')}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Step kind"
            value={kind}
            className="h-10 w-44"
            onChange={(event) => setKind(event.target.value as PaletteKind)}
          >
            {Object.keys(paletteSteps).map((name) => (
              <option key={name} value={name}>
                {name.replace('_', ' ')}
              </option>
            ))}
          </SelectField>
          <Button
            className="h-10"
            disabled={!document}
            onClick={() => document && edit(addStep(document, kind))}
          >
            Add step
          </Button>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Drag from a step&apos;s bottom to another&apos;s top to make it wait for the first.
          </p>
        </div>
        {designNote && (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            {designNote}
          </p>
        )}
        {graph ? (
          <WorkflowGraph
            graph={graph}
            selected={badStep}
            onConnect={connect}
            onSelect={(nodeId) => setPicked(stepIdOfNode(nodeId))}
            label="The steps of this definition"
          />
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            The graph shows once the steps are valid JSON.
          </p>
        )}
        {document && pickedStep && picked && (
          <StepPanel
            key={`${picked}:${JSON.stringify(pickedStep.input ?? null)}`}
            step={pickedStep}
            suggestions={expressionSuggestions(document, picked)}
            onClose={() => setPicked(null)}
            onApply={(input) => edit(withStepInput(document, picked, input))}
          />
        )}
      </div>
    </div>
  );
}
