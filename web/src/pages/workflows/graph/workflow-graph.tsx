import { useQuery } from '@tanstack/react-query';
import { Background, Controls, type Edge, MarkerType, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { useIsDark } from '../../../theme';
import type { WorkflowGraph as Graph } from './definition-graph';
import { nodeTypes, type StepFlowNode } from './graph-nodes';
import { layoutGraph, type Placement } from './layout';

const noProblems: Record<string, string> = {};

/** The layout depends on the graph's shape only: statuses change the colours, never the places. */
function shapeKey(graph: Graph): string {
  return JSON.stringify([
    graph.nodes.map((node) => [node.id, node.parent, node.group]),
    graph.edges.map((edge) => edge.id),
  ]);
}

function flowNodes(
  graph: Graph,
  placement: Placement,
  selected: string | undefined,
  connectable: boolean,
  problems: Record<string, string>,
): StepFlowNode[] {
  return graph.nodes.map((node) => {
    const place = placement[node.id] ?? { x: 0, y: 0, width: 200, height: 64 };
    return {
      id: node.id,
      type: node.group ? 'block' : 'step',
      position: { x: place.x, y: place.y },
      width: place.width,
      height: place.height,
      style: { width: place.width, height: place.height },
      data: { ...node, selected: node.id === selected, problem: problems[node.id] },
      ...(node.parent ? { parentId: node.parent, extent: 'parent' as const } : {}),
      draggable: false,
      connectable: connectable && node.role === 'step',
      zIndex: node.group ? 0 : 1,
      ariaLabel: `${node.label}${node.kind ? `, ${node.kind}` : ''}, ${node.status.replace('_', ' ')}${
        problems[node.id] ? `, problem: ${problems[node.id]}` : ''
      }`,
    };
  });
}

/**
 * A workflow drawn as a graph (elkjs layered layout, React Flow): steps as cards coloured by status,
 * compound steps as frames, `needs` as arrows. Clicking (or Enter on) a step selects it; a problem
 * the server found in a step is written on its node.
 */
export function WorkflowGraph({
  graph,
  selected,
  onSelect,
  onConnect,
  label,
  problems = noProblems,
}: {
  graph: Graph;
  selected?: string;
  /** A sentence per node id, written on the node (the server's validation error). */
  problems?: Record<string, string>;
  onSelect?: (nodeId: string) => void;
  /** Given, steps may be joined by dragging from one's bottom handle to another's top (the designer). */
  onConnect?: (source: string, target: string) => void;
  label: string;
}) {
  const dark = useIsDark();
  const key = shapeKey(graph);
  const layout = useQuery({
    queryKey: ['graph-layout', key],
    queryFn: () => layoutGraph(graph),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const nodes = useMemo(
    () => (layout.data ? flowNodes(graph, layout.data, selected, !!onConnect, problems) : []),
    [graph, layout.data, selected, onConnect, problems],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => ({
        ...edge,
        markerEnd: { type: MarkerType.ArrowClosed },
        zIndex: 2,
      })),
    [graph.edges],
  );

  if (layout.isPending) return <Spinner label="Drawing the workflow" />;
  if (layout.isError) return <ErrorNotice error={layout.error} />;
  return (
    <section
      aria-label={label}
      onKeyDown={(event) => {
        // React Flow's nodes take the focus (Tab) but Enter only selects inside React Flow.
        const node = (event.target as Element).closest?.('.react-flow__node');
        const id = node?.getAttribute('data-id');
        if (event.key === 'Enter' && id) onSelect?.(id);
      }}
      className="h-[28rem] rounded-lg border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={dark ? 'dark' : 'light'}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        nodesDraggable={false}
        nodesConnectable={!!onConnect}
        onConnect={(connection) => onConnect?.(connection.source, connection.target)}
        onNodeClick={(_event, node) => onSelect?.(node.id)}
        proOptions={{ hideAttribution: true }}
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}
