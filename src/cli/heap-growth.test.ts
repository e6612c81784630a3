import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const churn = path.join(import.meta.dirname, '../../test/fixtures/heap-churn.ts');

/** Runs the churn fixture in its own process: what V8 held at most, against what stayed alive. */
function churnHeld(nodeOptions: string[]): { bounded: boolean; heldPerLive: number } {
  const output = execFileSync(process.execPath, [...nodeOptions, '--expose-gc', '--import', 'tsx', churn], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(output.toString()) as { bounded: boolean; heldPerLive: number };
}

describe('switchboard serve bounds V8 spare heap', () => {
  it('holds the old generation under twice what is alive through a steady churn', () => {
    const { bounded, heldPerLive } = churnHeld([]);
    expect(bounded).toBe(true);
    // V8's own growing factor let this churn hold five times what is alive.
    expect(heldPerLive).toBeLessThan(2);
  });

  it('leaves the flag to the operator who set it in the Node options', () => {
    expect(churnHeld(['--heap-growing-percent=50']).bounded).toBe(false);
  });
});
