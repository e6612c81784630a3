/**
 * What a V8 heap snapshot holds, by constructor: `npx tsx bench/soak/heap-summary.ts
 * <a.heapsnapshot> [b.heapsnapshot]`. For each snapshot it prints the total, the constructors
 * with the most self size, the objects with the largest retained size (what would be freed
 * with them; weak edges do not retain) and the objects over 128 KB. Given two, it also prints what grew from the first to the
 * second, by constructor. Run it with a large heap: `node --max-old-space-size=6000
 * --import tsx bench/soak/heap-summary.ts …` (a snapshot parses into about five times its size).
 */
import fs from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
    node_count: number;
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Heap {
  count: number;
  /** A node's class: its constructor for objects, its type otherwise ("(string)", "(code)"…). */
  className: string[];
  selfSize: Float64Array;
  retained: Float64Array;
  dominator: Int32Array;
  label: (node: number) => string;
}

/** A number (or string) at an index that the snapshot's structure guarantees. */
const v = (array: ArrayLike<number>, index: number) => array[index] as number;
const t = (array: ArrayLike<string>, index: number) => array[index] as string;

const top = Number(process.env.HEAP_TOP ?? 25);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

function load(file: string): Heap {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = raw.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const sizeAt = meta.node_fields.indexOf('self_size');
  const edgeCountAt = meta.node_fields.indexOf('edge_count');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
  const toAt = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');
  const { nodes, edges, strings } = raw;
  const count = nodes.length / nodeFields;

  const firstEdge = new Int32Array(count + 1);
  for (let node = 0; node < count; node += 1)
    firstEdge[node + 1] = v(firstEdge, node) + v(nodes, node * nodeFields + edgeCountAt) * edgeFields;
  const selfSize = new Float64Array(count);
  const className: string[] = new Array<string>(count);
  for (let node = 0; node < count; node += 1) {
    selfSize[node] = v(nodes, node * nodeFields + sizeAt);
    const type = t(nodeTypes, v(nodes, node * nodeFields + typeAt));
    const name = t(strings, v(nodes, node * nodeFields + nameAt));
    className[node] =
      type === 'object' || type === 'native'
        ? name.split(' ')[0] || '(anonymous)'
        : type === 'closure'
          ? '(closure)'
          : `(${type})`;
  }
  const retains = (edge: number) => {
    const type = v(edges, edge + edgeTypeAt);
    return type !== weak && type !== shortcut;
  };

  // Postorder from the root (node 0), then dominators by Cooper, Harvey and Kennedy's iteration.
  const order = new Int32Array(count).fill(-1); // postorder index
  const postorder = new Int32Array(count);
  let visited = 0;
  const stack = new Int32Array(count);
  const edgeCursor = new Int32Array(count);
  const seen = new Uint8Array(count);
  let depth = 0;
  stack[0] = 0;
  seen[0] = 1;
  edgeCursor[0] = v(firstEdge, 0);
  while (depth >= 0) {
    const node = v(stack, depth);
    if (v(edgeCursor, node) < v(firstEdge, node + 1)) {
      const edge = v(edgeCursor, node);
      edgeCursor[node] = v(edgeCursor, node) + edgeFields;
      if (!retains(edge)) continue;
      const to = v(edges, edge + toAt) / nodeFields;
      if (v(seen, to)) continue;
      seen[to] = 1;
      edgeCursor[to] = v(firstEdge, to);
      depth += 1;
      stack[depth] = to;
    } else {
      order[node] = visited;
      postorder[visited] = node;
      visited += 1;
      depth -= 1;
    }
  }
  // Predecessors of each reachable node.
  const predecessorCount = new Int32Array(count + 1);
  for (let node = 0; node < count; node += 1) {
    if (v(order, node) < 0) continue;
    for (let edge = v(firstEdge, node); edge < v(firstEdge, node + 1); edge += edgeFields)
      if (retains(edge))
        predecessorCount[v(edges, edge + toAt) / nodeFields + 1] =
          v(predecessorCount, v(edges, edge + toAt) / nodeFields + 1) + 1;
  }
  for (let node = 0; node < count; node += 1)
    predecessorCount[node + 1] = v(predecessorCount, node + 1) + v(predecessorCount, node);
  const predecessors = new Int32Array(v(predecessorCount, count));
  const filled = predecessorCount.slice(0, count);
  for (let node = 0; node < count; node += 1) {
    if (v(order, node) < 0) continue;
    for (let edge = v(firstEdge, node); edge < v(firstEdge, node + 1); edge += edgeFields)
      if (retains(edge)) {
        const to = v(edges, edge + toAt) / nodeFields;
        predecessors[v(filled, to)] = node;
        filled[to] = v(filled, to) + 1;
      }
  }
  const dominator = new Int32Array(count).fill(-1);
  dominator[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (v(order, a) < v(order, b)) a = v(dominator, a);
      while (v(order, b) < v(order, a)) b = v(dominator, b);
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let index = visited - 2; index >= 0; index -= 1) {
      const node = v(postorder, index);
      let idom = -1;
      for (let p = v(predecessorCount, node); p < v(predecessorCount, node + 1); p += 1) {
        const from = v(predecessors, p);
        if (v(dominator, from) < 0) continue;
        idom = idom < 0 ? from : intersect(from, idom);
      }
      if (idom >= 0 && v(dominator, node) !== idom) {
        dominator[node] = idom;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(count);
  for (let index = 0; index < visited; index += 1) {
    const node = v(postorder, index);
    retained[node] = v(retained, node) + v(selfSize, node);
    if (node !== 0) retained[v(dominator, node)] = v(retained, v(dominator, node)) + v(retained, node);
  }
  // Unreachable nodes (garbage the snapshot kept) count nowhere.
  for (let node = 0; node < count; node += 1) if (v(order, node) < 0) selfSize[node] = 0;

  const label = (node: number) => {
    const name = t(strings, v(nodes, node * nodeFields + nameAt))
      .replace(/\s+/g, ' ')
      .slice(0, 80);
    const owner =
      v(predecessorCount, node) < v(predecessorCount, node + 1)
        ? v(predecessors, v(predecessorCount, node))
        : -1;
    let via = '';
    if (owner >= 0)
      for (let edge = v(firstEdge, owner); edge < v(firstEdge, owner + 1); edge += edgeFields)
        if (v(edges, edge + toAt) / nodeFields === node) {
          const edgeName = v(edges, edge + edgeNameAt);
          const named = t(edgeTypes, v(edges, edge + edgeTypeAt));
          via = ` ← ${t(className, owner)}.${named === 'element' || named === 'hidden' ? `[${edgeName}]` : t(strings, edgeName)}`;
          break;
        }
    return `${t(className, node)} "${name}"${via}`;
  };
  return { count, className, selfSize, retained, dominator, label };
}

function byClass(heap: Heap) {
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let node = 0; node < heap.count; node += 1) {
    if (v(heap.selfSize, node) === 0) continue;
    const entry = totals.get(t(heap.className, node)) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += v(heap.selfSize, node);
    totals.set(t(heap.className, node), entry);
  }
  return totals;
}

function summarize(file: string, heap: Heap) {
  const totals = byClass(heap);
  const total = [...totals.values()].reduce((sum, entry) => sum + entry.bytes, 0);
  process.stdout.write(`\n# ${file}: ${mb(total)} MB live, ${heap.count} nodes\n\n## self size by class\n`);
  for (const [name, entry] of [...totals].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top))
    process.stdout.write(`${mb(entry.bytes).padStart(9)} MB ${String(entry.count).padStart(9)}  ${name}\n`);
  process.stdout.write('\n## largest retained (a chain of single holders shown by its deepest link)\n');
  // A chain of objects each holding the next (a closure's context, its map, the map's table…) is
  // shown once, by its deepest link that still holds nine tenths of it: the most telling name.
  const largestChild = new Float64Array(heap.count);
  for (let node = 1; node < heap.count; node += 1) {
    const owner = v(heap.dominator, node);
    if (owner >= 0 && v(heap.retained, node) > v(largestChild, owner))
      largestChild[owner] = v(heap.retained, node);
  }
  const candidates: number[] = [];
  for (let node = 1; node < heap.count; node += 1)
    if (
      v(heap.retained, node) > 512 * 1024 &&
      v(largestChild, node) < 0.9 * v(heap.retained, node) &&
      !t(heap.className, node).startsWith('(synthetic')
    )
      candidates.push(node);
  candidates.sort((a, b) => v(heap.retained, b) - v(heap.retained, a));
  for (const node of candidates.slice(0, top * 2))
    process.stdout.write(`${mb(v(heap.retained, node)).padStart(9)} MB  ${heap.label(node)}\n`);
  // V8 keeps each object over 128 KB on pages of its own (its large-object space): one big array, string or table.
  const large: number[] = [];
  for (let node = 1; node < heap.count; node += 1) if (v(heap.selfSize, node) > 128 * 1024) large.push(node);
  const largeTotal = large.reduce((sum, node) => sum + v(heap.selfSize, node), 0);
  process.stdout.write(
    `\n## objects over 128 KB (V8's large-object space): ${large.length}, ${mb(largeTotal)} MB\n`,
  );
  for (const node of large.sort((a, b) => v(heap.selfSize, b) - v(heap.selfSize, a)).slice(0, top))
    process.stdout.write(`${mb(v(heap.selfSize, node)).padStart(9)} MB  ${heap.label(node)}\n`);
}

const files = process.argv.slice(2);
const heaps = files.map((file) => {
  const heap = load(file);
  summarize(file, heap);
  return heap;
});
if (heaps.length === 2) {
  const [before, after] = [byClass(heaps[0] as Heap), byClass(heaps[1] as Heap)];
  const growth = [...new Set([...before.keys(), ...after.keys()])].map((name) => {
    const a = before.get(name) ?? { count: 0, bytes: 0 };
    const b = after.get(name) ?? { count: 0, bytes: 0 };
    return { name, bytes: b.bytes - a.bytes, count: b.count - a.count };
  });
  process.stdout.write(`\n# ${files[1]} minus ${files[0]}, by class\n`);
  for (const entry of growth.sort((a, b) => b.bytes - a.bytes).slice(0, top))
    process.stdout.write(
      `${mb(entry.bytes).padStart(9)} MB ${String(entry.count).padStart(9)}  ${entry.name}\n`,
    );
}
