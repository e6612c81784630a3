import { describe, expect, it } from 'vitest';
import {
  addStep,
  connectSteps,
  idBaseOf,
  kindTemplate,
  removeStep,
  siblingsOf,
  stepIdOfNode,
  withNeeds,
} from './designer';
import { paletteGroups } from './palette-entries';

const add = (document: Record<string, unknown>, kind: string) =>
  addStep(document, kindTemplate(kind)).document;

describe('the designer', () => {
  it('adds a step from the palette after the last one, with an id of its own', () => {
    let document: Record<string, unknown> = { name: 'w', steps: [] };
    document = add(document, 'approval');
    document = add(document, 'approval');
    document = add(document, 'foreach');
    expect(document.steps).toEqual([
      { kind: 'approval', message: 'Go on?', id: 'approval' },
      { kind: 'approval', message: 'Go on?', id: 'approval_2', needs: ['approval'] },
      {
        kind: 'foreach',
        items: '[1, 2, 3]',
        steps: [{ id: 'each_item', kind: 'sleep', duration_ms: 0 }],
        id: 'foreach',
        needs: ['approval_2'],
      },
    ]);
    const again = addStep(document, kindTemplate('foreach'));
    const steps = again.document.steps as { id: string; steps: { id: string }[] }[];
    expect(again.id).toBe('foreach_2');
    expect(steps.at(-1)?.steps[0]?.id).toBe('each_item_2');
  });

  it('drops a step into the block it lands on, after the step it lands on, or alone on the canvas', () => {
    const document = {
      steps: [
        { id: 'check', kind: 'condition', condition: 'true', then: [], else: [{ id: 'no', kind: 'sleep' }] },
        {
          id: 'fan',
          kind: 'parallel',
          branches: [[{ id: 'left', kind: 'sleep' }], [{ id: 'right', kind: 'sleep' }]],
        },
        { id: 'each', kind: 'foreach', items: '[1]', steps: [{ id: 'one', kind: 'sleep' }] },
      ],
    };
    const ask = kindTemplate('approval');
    const then = addStep(document, ask, { nodeId: 'check.then', role: 'block', parent: 'check' }).document;
    expect((then.steps as { then: unknown[] }[])[0]?.then).toEqual([
      { kind: 'approval', message: 'Go on?', id: 'approval' },
    ]);
    const branch = addStep(document, ask, { nodeId: 'fan[1]', role: 'block', parent: 'fan' }).document;
    expect((branch.steps as { branches: unknown[][] }[])[1]?.branches[1]).toEqual([
      { id: 'right', kind: 'sleep' },
      { kind: 'approval', message: 'Go on?', id: 'approval', needs: ['right'] },
    ]);
    const inside = addStep(document, ask, { nodeId: 'each', role: 'step', kind: 'foreach' }).document;
    expect((inside.steps as { steps: { id: string }[] }[])[2]?.steps.map((step) => step.id)).toEqual([
      'one',
      'approval',
    ]);
    const beside = addStep(document, ask, { nodeId: 'check.else.no', role: 'step', kind: 'sleep' }).document;
    expect((beside.steps as { else: unknown[] }[])[0]?.else).toEqual([
      { id: 'no', kind: 'sleep' },
      { kind: 'approval', message: 'Go on?', id: 'approval', needs: ['no'] },
    ]);
    const alone = addStep(document, ask, { role: 'pane' }).document;
    expect((alone.steps as unknown[]).at(-1)).toEqual({
      kind: 'approval',
      message: 'Go on?',
      id: 'approval',
    });
    expect(document.steps[0]?.then).toEqual([]);
  });

  it('connects two steps of a block as a need, and says why it will not connect others', () => {
    const document = {
      steps: [
        { id: 'a', kind: 'sleep' },
        { id: 'b', kind: 'sleep' },
        { id: 'c', kind: 'condition', then: [{ id: 'd', kind: 'sleep' }], else: [] },
      ],
    };
    const connected = connectSteps(document, 'a', 'b');
    expect('steps' in connected && connected.steps).toEqual([
      { id: 'a', kind: 'sleep' },
      { id: 'b', kind: 'sleep', needs: ['a'] },
      document.steps[2],
    ]);
    expect(document.steps[1]).toEqual({ id: 'b', kind: 'sleep' });
    expect(connectSteps(document, 'a', 'd')).toEqual({ problem: '"d" and "a" are not in the same block.' });
    expect(connectSteps(document, 'a', 'a')).toEqual({ problem: 'A step cannot wait for itself.' });
    expect(connectSteps(connected as Record<string, unknown>, 'a', 'b')).toEqual({
      problem: '"b" already waits for "a".',
    });
    expect(stepIdOfNode('c.then.d')).toBe('d');
  });

  it('sets what a step waits for from its siblings, and removes a step with the needs naming it', () => {
    const document = {
      steps: [
        { id: 'a', kind: 'sleep' },
        { id: 'b', kind: 'sleep', needs: ['a'] },
        { id: 'c', kind: 'sleep' },
      ],
    };
    expect(siblingsOf(document, 'b')).toEqual(['a', 'c']);
    expect((withNeeds(document, 'c', ['a', 'b']).steps as { needs?: string[] }[])[2]?.needs).toEqual([
      'a',
      'b',
    ]);
    expect((withNeeds(document, 'b', []).steps as { needs?: string[] }[])[1]).toEqual({
      id: 'b',
      kind: 'sleep',
    });
    expect(removeStep(document, 'a').steps).toEqual([
      { id: 'b', kind: 'sleep' },
      { id: 'c', kind: 'sleep' },
    ]);
  });

  it('makes step ids from names, and offers every kind, tool by toolset, agent and workflow', () => {
    expect(idBaseOf('Research Bot', 'agent')).toBe('research_bot');
    expect(idBaseOf('42', 'agent')).toBe('agent');
    const groups = paletteGroups({
      tools: [
        {
          name: 'add_task',
          title: 'Add a task',
          toolset: 'Tasks',
          input_schema: { type: 'object', required: ['title'] },
        },
      ] as never,
      agents: [{ name: 'researcher' }],
      workflows: [{ name: 'daily-digest' }],
    });
    expect(groups.map((group) => group.title)).toEqual([
      'Step kinds',
      'Tools · Tasks',
      'Agents',
      'Workflows',
    ]);
    expect(groups[0]?.entries.map((entry) => entry.key)).toContain('kind:wait_event');
    expect(groups[1]?.entries[0]?.template).toEqual({
      step: { kind: 'tool', tool: 'add_task', input: {} },
      idBase: 'add_task',
    });
    expect(groups[3]?.entries[0]?.template.idBase).toBe('daily_digest');
    expect(
      paletteGroups({ tools: [], agents: [{ name: 'researcher' }], workflows: [], filter: 'SEARCH' }),
    ).toEqual([expect.objectContaining({ title: 'Agents' })]);
  });
});
