import { describe, expect, it } from 'vitest';
import { addStep, connectSteps, stepIdOfNode } from './designer';

describe('the designer', () => {
  it('adds a step from the palette after the last one, with an id of its own', () => {
    let document: Record<string, unknown> = { name: 'w', steps: [] };
    document = addStep(document, 'approval');
    document = addStep(document, 'approval');
    document = addStep(document, 'foreach');
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
    const again = addStep(document, 'foreach').steps as { id: string; steps: { id: string }[] }[];
    expect(again.at(-1)?.id).toBe('foreach_2');
    expect(again.at(-1)?.steps[0]?.id).toBe('each_item_2');
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
});
