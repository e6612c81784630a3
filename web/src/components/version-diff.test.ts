import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-view';
import { versionDiff } from './version-diff';

describe('versionDiff', () => {
  it('shows the changed field as a removed and an added line', () => {
    const steps = [{ id: 'a', kind: 'sleep', duration_ms: 10 }];
    const diff = versionDiff(
      { version: 1, definition: { name: 'digest', description: 'old', steps } },
      { version: 2, definition: { name: 'digest', description: 'new', steps } },
    );
    const changed = diffLines(diff).filter((line) => line.kind === 'added' || line.kind === 'removed');
    expect(changed.map((line) => line.text)).toEqual([
      '-  "description": "old",',
      '+  "description": "new",',
    ]);
  });

  it('has no changed lines for the same definition', () => {
    const definition = { name: 'digest', steps: [] };
    const lines = diffLines(versionDiff({ version: 1, definition }, { version: 2, definition }));
    expect(lines.some((line) => line.kind === 'added' || line.kind === 'removed')).toBe(false);
  });
});
