import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowRunStepView } from '../../../api/workflow-types';
import { definitionGraph } from './definition-graph';
import { elkGraphOf, layoutGraph } from './layout';
import { combinedStatus, statusTone } from './step-status';

const definition = {
  steps: [
    { id: 'fetch', kind: 'tool', tool: 'fetch_url', input: {}, on_error: 'fail' },
    {
      id: 'review',
      kind: 'condition',
      needs: ['fetch'],
      condition: 'steps.fetch.output.ok',
      then: [{ id: 'publish', kind: 'tool', tool: 'share_document', input: {}, on_error: 'fail' }],
      else: [],
    },
    {
      id: 'fan',
      kind: 'parallel',
      needs: ['fetch'],
      branches: [
        [{ id: 'mail', kind: 'sleep', duration_ms: 1, on_error: 'fail' }],
        [
          { id: 'note', kind: 'sleep', duration_ms: 1, on_error: 'fail' },
          { id: 'tag', kind: 'sleep', duration_ms: 1, needs: ['note'], on_error: 'fail' },
        ],
      ],
    },
    {
      id: 'each',
      kind: 'foreach',
      items: 'input.docs',
      concurrency: 2,
      needs: ['review', 'fan'],
      steps: [{ id: 'clean', kind: 'tool', tool: 'clean_text', input: {}, on_error: 'fail' }],
    },
  ],
} as unknown as Pick<WorkflowDefinition, 'steps'>;

function record(
  path: string,
  status: WorkflowRunStepView['status'],
  extra: Partial<WorkflowRunStepView> = {},
) {
  return {
    path,
    step_id: path.split('.').at(-1) ?? path,
    kind: 'tool',
    status,
    input: {},
    output: null,
    output_truncated: false,
    error: null,
    attempts: 1,
    branch: null,
    cache_hit: false,
    model: null,
    input_tokens: null,
    output_tokens: null,
    started_at: null,
    ended_at: null,
    ...extra,
  } satisfies WorkflowRunStepView;
}

describe('a definition as a graph', () => {
  it('has a node per step and per branch, groups for compound steps, and an edge per need', () => {
    const graph = definitionGraph(definition);
    expect(graph.nodes.map((node) => [node.id, node.parent ?? null, node.group])).toEqual([
      ['fetch', null, false],
      ['review', null, true],
      ['review.then', 'review', true],
      ['review.then.publish', 'review.then', false],
      ['review.else', 'review', true],
      ['fan', null, true],
      ['fan[0]', 'fan', true],
      ['fan[0].mail', 'fan[0]', false],
      ['fan[1]', 'fan', true],
      ['fan[1].note', 'fan[1]', false],
      ['fan[1].tag', 'fan[1]', false],
      ['each', null, true],
      ['each.clean', 'each', false],
    ]);
    expect(graph.edges.map((edge) => edge.id)).toEqual([
      'fetch->review',
      'fetch->fan',
      'fan[1].note->fan[1].tag',
      'review->each',
      'fan->each',
    ]);
    expect(graph.nodes.every((node) => node.status === 'not_run')).toBe(true);
  });

  it("colours each node by the run's records, gathers a foreach's items and marks the branch taken", () => {
    const graph = definitionGraph(definition, [
      record('fetch', 'succeeded'),
      record('review', 'succeeded', { branch: 'then', kind: 'condition' }),
      record('review.then.publish', 'succeeded'),
      record('fan', 'running', { kind: 'parallel' }),
      record('fan[1].note', 'failed'),
      record('each[0].clean', 'succeeded'),
      record('each[1].clean', 'running'),
      record('each[2].clean', 'succeeded'),
    ]);
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
    expect(node('fetch')?.status).toBe('succeeded');
    expect(node('review')?.branch).toBe('then');
    expect(node('review.then')?.notTaken).toBe(false);
    expect(node('review.else')?.notTaken).toBe(true);
    expect(node('fan[1].note')?.status).toBe('failed');
    expect(node('fan[0].mail')?.status).toBe('not_run');
    expect(node('each.clean')).toMatchObject({ status: 'running', runs: { done: 2, total: 3 } });
    expect(node('each.clean')?.paths).toEqual(['each[0].clean', 'each[1].clean', 'each[2].clean']);
  });

  it('lays the graph out with every node placed, children inside their group', async () => {
    const graph = definitionGraph(definition);
    expect(elkGraphOf(graph).children?.map((child) => child.id)).toEqual(['fetch', 'review', 'fan', 'each']);
    const placement = await layoutGraph(graph);
    expect(Object.keys(placement).sort()).toEqual(graph.nodes.map((node) => node.id).sort());
    const fetch = placement.fetch;
    const each = placement.each;
    expect(fetch && each && each.y > fetch.y).toBe(true);
    const clean = placement['each.clean'];
    expect(clean && each && clean.x + clean.width <= each.width).toBe(true);
  });
});

describe('step statuses', () => {
  it('shows what needs attention first for a step that ran several times', () => {
    expect(combinedStatus([])).toBe('not_run');
    expect(combinedStatus(['succeeded', 'failed', 'running'])).toBe('failed');
    expect(combinedStatus(['succeeded', 'waiting'])).toBe('waiting');
    expect(combinedStatus(['succeeded', 'skipped'])).toBe('succeeded');
    expect(combinedStatus(['skipped', 'skipped'])).toBe('skipped');
  });

  it('names every status in words as well as colour', () => {
    for (const status of [
      'queued',
      'running',
      'waiting',
      'succeeded',
      'failed',
      'cancelled',
      'skipped',
      'pending',
    ] as const)
      expect(statusTone(status).label.toLowerCase()).toBe(status);
    expect(statusTone('failed').className).toContain('red');
    expect(statusTone('succeeded').className).toContain('green');
  });
});
