import { describe, expect, it } from 'vitest';
import { draftGraph, draftText, readDraft, starterDefinition } from './definition-draft';

describe('the definition being typed', () => {
  it('reads a JSON object, and says why anything else is not one', () => {
    expect(readDraft(draftText(starterDefinition))).toEqual({ document: starterDefinition });
    expect(readDraft('[1, 2]')).toEqual({ problem: 'The definition must be a JSON object.' });
    expect(readDraft('{"steps": [')).toMatchObject({ problem: expect.stringContaining('not valid JSON') });
  });

  it('draws what is shaped enough, filling the blocks a compound step leaves out', () => {
    const graph = draftGraph({
      steps: [
        { id: 'check', kind: 'condition', condition: 'true', then: [{ id: 'yes', kind: 'sleep' }] },
        { kind: 'tool' },
        { id: 'after', kind: 'sleep', needs: ['check'] },
      ],
    });
    expect(graph?.nodes.map((node) => node.id)).toEqual([
      'check',
      'check.then',
      'check.then.yes',
      'check.else',
      'after',
    ]);
    expect(graph?.edges.map((edge) => edge.id)).toEqual(['check->after']);
  });

  it('draws nothing for a draft without steps', () => {
    expect(draftGraph(undefined)).toBeUndefined();
    expect(draftGraph({ steps: 'none' })).toBeUndefined();
    expect(draftGraph({ steps: [] })).toBeUndefined();
  });
});
