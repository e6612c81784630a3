/** A weighted, undirected graph as adjacency lists: `edges[i]` holds `[j, weight]` pairs. */
export type WeightedGraph = readonly (readonly (readonly [number, number])[])[];

/**
 * PageRank over a weighted graph (Brin & Page 1998, the weighted form TextRank uses): each node
 * passes its score to its neighbours in proportion to the edge weights; with probability
 * 1 − damping the walk jumps to a node drawn from `teleport` (uniform unless given — a
 * non-uniform one is topic-sensitive PageRank). A node without edges passes its score on by
 * the jump. Iterates until the scores change by less than `tolerance` (L1). Scores sum to 1.
 */
export function pageRank({
  graph,
  damping = 0.85,
  teleport,
  tolerance = 1e-6,
  maxIterations = 200,
}: {
  graph: WeightedGraph;
  damping?: number;
  teleport?: readonly number[];
  tolerance?: number;
  maxIterations?: number;
}): number[] {
  const size = graph.length;
  if (size === 0) return [];
  const jump = normalised(teleport ?? new Array<number>(size).fill(1));
  const outWeight = graph.map((edges) => edges.reduce((sum, [, weight]) => sum + weight, 0));
  let scores = new Array<number>(size).fill(1 / size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let node = 0; node < size; node++) if ((outWeight[node] ?? 0) === 0) dangling += scores[node] ?? 0;
    const next = jump.map((share) => (1 - damping + damping * dangling) * share);
    for (let node = 0; node < size; node++) {
      const total = outWeight[node] ?? 0;
      if (total === 0) continue;
      const passed = (damping * (scores[node] ?? 0)) / total;
      for (const [neighbour, weight] of graph[node] ?? [])
        next[neighbour] = (next[neighbour] ?? 0) + passed * weight;
    }
    const change = next.reduce((sum, score, node) => sum + Math.abs(score - (scores[node] ?? 0)), 0);
    scores = next;
    if (change < tolerance) break;
  }
  return scores;
}

function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total > 0 ? weights.map((weight) => weight / total) : weights.map(() => 1 / weights.length);
}
