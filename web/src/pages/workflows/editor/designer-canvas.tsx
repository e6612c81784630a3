import { useState } from 'react';
import type { WorkflowGraph as Graph } from '../graph/definition-graph';
import { WorkflowGraph } from '../graph/workflow-graph';
import type { StepTemplate } from './designer';
import { draggedTemplate, stepDragType } from './step-palette';

/**
 * The designer's graph as a drop zone for the palette's steps: a step dropped on a block (a
 * condition's then/else, a parallel branch, a foreach) goes inside it, on a step after it (waiting
 * for it), on the empty canvas at the top level waiting for nothing, to be connected.
 */
export function DesignerCanvas({
  graph,
  selected,
  problems,
  onConnect,
  onSelect,
  onDrop,
}: {
  graph: Graph | undefined;
  selected?: string;
  problems?: Record<string, string>;
  onConnect: (source: string, target: string) => void;
  onSelect: (nodeId: string) => void;
  onDrop: (template: StepTemplate, nodeId: string | undefined) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    <div
      data-testid="designer-canvas"
      className={`rounded-lg ${over ? 'outline-2 outline-offset-2 outline-blue-600 outline-dashed' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(stepDragType)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const template = draggedTemplate(event.dataTransfer);
        if (!template) return;
        event.preventDefault();
        const node = (event.target as Element).closest?.('.react-flow__node');
        onDrop(template, node?.getAttribute('data-id') ?? undefined);
      }}
    >
      {graph ? (
        <WorkflowGraph
          graph={graph}
          selected={selected}
          problems={problems}
          onConnect={onConnect}
          onSelect={onSelect}
          label="The steps of this definition"
        />
      ) : (
        <p className="flex h-40 items-center justify-center rounded-lg border-2 border-dashed border-neutral-300 p-4 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
          Drop a step here to start, or press one in the palette. (The graph shows once the JSON is valid.)
        </p>
      )}
    </div>
  );
}
