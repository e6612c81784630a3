import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { growthFactorTowards, youngGenerationMb } from './young-generation.js';

const churn = path.join(import.meta.dirname, '../../test/fixtures/young-churn.ts');
const mb = 1024 * 1024;

/** Runs the churn fixture in its own process: whether the cap was set, and the most the young generation held. */
function churnHeld(nodeOptions: string[]): { capped: boolean; mostHeldMb: number } {
  const output = execFileSync(process.execPath, [...nodeOptions, '--import', 'tsx', churn], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(output.toString()) as { capped: boolean; mostHeldMb: number };
}

describe('switchboard serve caps the young generation', () => {
  it('holds it at the cap through a churn that takes V8 to twice that', () => {
    // Without the cap this churn took the young generation to 32 MB, V8's own limit.
    expect(churnHeld(['--max-semi-space-size=16']).mostHeldMb).toBeGreaterThan(youngGenerationMb);
    const { capped, mostHeldMb } = churnHeld([]);
    expect(capped).toBe(true);
    expect(mostHeldMb).toBeLessThanOrEqual(youngGenerationMb);
  }, 120_000); // two Node processes under tsx: 20 s each to start on a busy machine

  it('leaves the semi-spaces to the operator who sized them in the Node options', () => {
    expect(churnHeld(['--max-semi-space-size=4']).capped).toBe(false);
  }, 60_000);

  it('grows by the factor that reaches the cap in one step and no further', () => {
    expect(growthFactorTowards(16 * mb, 1 * mb)).toBe(16);
    expect(growthFactorTowards(16 * mb, 4 * mb)).toBe(4);
    expect(growthFactorTowards(16 * mb, 6 * mb)).toBe(2);
    expect(growthFactorTowards(16 * mb, 16 * mb)).toBe(1);
    expect(growthFactorTowards(16 * mb, 32 * mb)).toBe(1);
  });
});
