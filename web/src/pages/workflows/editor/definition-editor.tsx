import { useState } from 'react';
import type { WorkflowRunStepView } from '../../../api/workflow-types';
import { ApiError, errorMessage } from '../../../api/client';
import { Button } from '../../../components/button';
import { TextArea } from '../../../components/field';
import { stepAtField } from '../field-step';
import type { GraphNode } from '../graph/definition-graph';
import { draftGraph, draftText, readDraft } from './definition-draft';
import { DesignerCanvas } from './designer-canvas';
import {
  addStep,
  connectSteps,
  type DropTarget,
  removeStep,
  siblingsOf,
  type StepTemplate,
  stepIdOfNode,
  withNeeds,
} from './designer';
import { stepById, withStepInput } from './step-input';
import { expressionSuggestions } from './expression-suggestions';
import { StepPalette } from './step-palette';
import { StepPanel } from './step-panel';

/** Where a save or a check stands: the server's error (WORKFLOW_INVALID names a field) or a success note. */
type Outcome = { error: unknown } | { note: string } | null;

const targetOf = (node: GraphNode | undefined): DropTarget | undefined =>
  node && { nodeId: node.id, role: node.role, kind: node.kind, parent: node.parent };

/**
 * The designer: a palette of steps to drag onto the graph (or press), the graph (connect by dragging
 * from a step's bottom to another's top; select a step to edit it), and the definition as JSON — one
 * document, so the graph and the JSON follow each other both ways. Check asks the server; Save saves
 * a new version; the server's first problem shows by its field and on its step's node. A test run's
 * step records colour the graph as they come.
 */
export function DefinitionEditor({
  initialText,
  onSave,
  onCheck,
  saving,
  runSteps,
  workflowName,
}: {
  initialText: string;
  onSave: (document: Record<string, unknown>) => Promise<unknown>;
  onCheck: (document: Record<string, unknown>) => Promise<unknown>;
  saving: boolean;
  /** The step records of the test run under way, to colour the graph by. */
  runSteps?: WorkflowRunStepView[];
  /** This workflow's name, left out of the palette's workflows (a workflow does not run itself). */
  workflowName?: string;
}) {
  const [text, setText] = useState(initialText);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [designNote, setDesignNote] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const draft = readDraft(text);
  const document = 'document' in draft ? draft.document : undefined;
  const graph = draftGraph(document, runSteps);
  const error = outcome && 'error' in outcome ? outcome.error : undefined;
  const field = error instanceof ApiError ? error.field : undefined;
  const badStep = document ? stepAtField(document, field) : undefined;
  const pickedNode = graph?.nodes.find((node) => node.id === picked);
  const pickedStepId = pickedNode?.role === 'step' ? stepIdOfNode(pickedNode.id) : undefined;
  const pickedStep = document && pickedStepId ? stepById(document, pickedStepId) : undefined;

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
  const add = (template: StepTemplate, target: DropTarget | undefined) => {
    if (!document) return setDesignNote('Make the JSON valid before adding steps.');
    const added = addStep(document, template, target);
    edit(added.document);
    const node = draftGraph(added.document)?.nodes.find(
      (candidate) => candidate.role === 'step' && stepIdOfNode(candidate.id) === added.id,
    );
    setPicked(node?.id ?? null);
    setDesignNote(`Added ${added.id}.`);
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
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <StepPalette exclude={workflowName} onAdd={(template) => add(template, targetOf(pickedNode))} />
        <div className="flex min-w-0 flex-col gap-2">
          <p className="text-xs text-neutral-600 md:hidden dark:text-neutral-400">
            On a screen this narrow the palette is hidden: add steps in the JSON below, or on a wider screen.
          </p>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Drag from a step&apos;s bottom to another&apos;s top to make it wait for the first; select a step
            (click, or Tab to it and Enter) to edit it.
            {pickedNode &&
              ` Pressing a step in the palette adds it ${pickedNode.role === 'block' ? 'to' : 'after'} ${pickedNode.id}.`}
          </p>
          <p role="status" className="min-h-5 text-sm text-amber-800 dark:text-amber-300">
            {designNote}
          </p>
          <DesignerCanvas
            graph={graph}
            selected={picked ?? undefined}
            problems={badStep && error ? { [badStep]: errorMessage(error) } : undefined}
            onConnect={connect}
            onSelect={setPicked}
            onDrop={(template, nodeId) =>
              add(template, targetOf(graph?.nodes.find((node) => node.id === nodeId)) ?? { role: 'pane' })
            }
          />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
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
        <div className="flex flex-col gap-3">
          <div className="flex gap-2">
            <Button
              disabled={!document || saving}
              onClick={() => void act(onCheck, 'The definition is valid.')}
            >
              Check
            </Button>
            <Button
              variant="primary"
              disabled={!document || saving}
              onClick={() => void act(onSave, 'Saved.')}
            >
              {saving ? 'Saving…' : 'Save'}
            </Button>
          </div>
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
          {document && pickedStep && pickedStepId && (
            <StepPanel
              key={`${pickedStepId}:${JSON.stringify(pickedStep.input ?? null)}`}
              step={pickedStep}
              suggestions={expressionSuggestions(document, pickedStepId)}
              siblings={siblingsOf(document, pickedStepId)}
              onClose={() => setPicked(null)}
              onApply={(input) => edit(withStepInput(document, pickedStepId, input))}
              onNeeds={(needs) => edit(withNeeds(document, pickedStepId, needs))}
              onRemove={() => {
                edit(removeStep(document, pickedStepId));
                setPicked(null);
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
