import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { WorkflowGraph } from './definition-graph';

/** Sizes the graph draws at: a step card, and the room a group keeps for its title. */
export const stepSize = { width: 200, height: 64 };
const groupPadding = '[top=36,left=12,bottom=12,right=12]';
const emptyBlock = { width: 120, height: 40 };

/** Where each node sits, relative to its group (as React Flow places children), and its size. */
export type Placement = Record<string, { x: number; y: number; width: number; height: number }>;

/** The ELK graph for a workflow graph: groups hold their children; edges are placed where they cross. */
export function elkGraphOf(graph: WorkflowGraph): ElkNode {
  const byParent = new Map<string | undefined, WorkflowGraph['nodes']>();
  for (const node of graph.nodes) byParent.set(node.parent, [...(byParent.get(node.parent) ?? []), node]);
  const build = (parent: string | undefined): ElkNode[] =>
    (byParent.get(parent) ?? []).map((node) => {
      const children = build(node.id);
      if (!node.group) return { id: node.id, ...stepSize };
      if (children.length === 0) return { id: node.id, ...emptyBlock };
      return { id: node.id, children, layoutOptions: { 'elk.padding': groupPadding } };
    });
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
  }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '32',
    },
    children: build(undefined),
    edges,
  };
}

/** Reads back where ELK put every node (positions relative to the parent, as React Flow wants them). */
export function placementOf(laid: ElkNode): Placement {
  const placement: Placement = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      placement[child.id] = {
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
      };
      visit(child);
    }
  };
  visit(laid);
  return placement;
}

/** Lays the graph out with elkjs's layered algorithm (loaded on first use: it is large). */
export async function layoutGraph(graph: WorkflowGraph): Promise<Placement> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ELK().layout(elkGraphOf(graph));
  return placementOf(laid);
}
