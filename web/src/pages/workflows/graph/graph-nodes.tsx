import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { GraphNode } from './definition-graph';
import { statusTone } from './step-status';

export type StepNodeData = GraphNode & { selected?: boolean; problem?: string };
export type StepFlowNode = Node<StepNodeData, 'step' | 'block'>;

const kindLabels: Record<string, string> = {
  wait_event: 'wait for event',
  foreach: 'for each',
};

/** "tool · fetch_url", "condition", "for each · 3/5": what a node does and how far it got. */
export function nodeCaption(node: GraphNode): string {
  const kind = node.kind ? (kindLabels[node.kind] ?? node.kind) : '';
  const parts = [kind];
  if (node.detail && !node.group) parts.push(node.detail);
  if (node.runs.total > 1) parts.push(`${node.runs.done}/${node.runs.total}`);
  return parts.filter(Boolean).join(' · ');
}

/** A single step: its name, kind and status in words (colour is never the only sign). */
export function StepNode({ data, isConnectable }: NodeProps<StepFlowNode>) {
  const tone = statusTone(data.status);
  return (
    <div
      className={`h-full w-full rounded-md border-2 px-2 py-1.5 text-left text-xs shadow-sm ${tone.className} ${
        data.problem
          ? 'ring-2 ring-red-600 ring-offset-1'
          : data.selected
            ? 'ring-2 ring-blue-500 ring-offset-1'
            : ''
      }`}
      title={data.problem ?? data.detail}
    >
      <Handle type="target" position={Position.Top} isConnectable={isConnectable} />
      <p className="truncate text-sm font-semibold">{data.label}</p>
      {data.problem ? (
        <p className="truncate font-medium text-red-800 dark:text-red-300">Problem: {data.problem}</p>
      ) : (
        <p className="truncate">{nodeCaption(data)}</p>
      )}
      {data.status !== 'not_run' && <p className="font-medium">{tone.label}</p>}
      <Handle type="source" position={Position.Bottom} isConnectable={isConnectable} />
    </div>
  );
}

/** A compound step or one of its blocks, drawn as a frame around its steps; a branch not taken is faded. */
export function BlockNode({ data, isConnectable }: NodeProps<StepFlowNode>) {
  const tone = statusTone(data.role === 'block' && data.status !== 'not_run' ? 'not_run' : data.status);
  const caption =
    data.role === 'block'
      ? `${data.label}${data.notTaken ? ' (not taken)' : data.status !== 'not_run' ? ' (taken)' : ''}`
      : `${data.label} · ${nodeCaption(data)}${data.status !== 'not_run' ? ` · ${tone.label}` : ''}`;
  return (
    <div
      className={`h-full w-full rounded-lg border-2 ${data.role === 'block' ? 'border-dashed border-neutral-400 dark:border-neutral-600' : tone.className} ${
        data.notTaken ? 'opacity-50' : ''
      } ${data.problem ? 'ring-2 ring-red-600' : data.selected ? 'ring-2 ring-blue-500' : ''}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={isConnectable} />
      <p className="truncate px-2 pt-1 text-xs font-semibold" title={data.problem ?? data.detail}>
        {caption}
        {data.problem && <span className="text-red-800 dark:text-red-300"> · Problem: {data.problem}</span>}
      </p>
      <Handle type="source" position={Position.Bottom} isConnectable={isConnectable} />
    </div>
  );
}

export const nodeTypes = { step: StepNode, block: BlockNode };
