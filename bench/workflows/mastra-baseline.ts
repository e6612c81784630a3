import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each step does: the same tool call our workflow's steps make (the echo fixture through our tool runner). */
export type EchoCall = (message: string) => Promise<string>;

export interface MastraWorkflow {
  /** One run from start to end; throws unless it succeeded. */
  runOnce(input: string): Promise<void>;
  close(): Promise<void>;
}

type ThreeSteps = (echo: EchoCall, postgresUrl?: string) => Promise<MastraWorkflow>;

const baselines = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../baselines');

/**
 * Mastra's 3-step workflow (bench/baselines/mastra.ts). Mastra is a package of its own there, not one
 * of the project's: it asks for Node 22, and the project's own install must be quiet on Node 20. It is
 * installed there, from its lock file, the first time a benchmark needs it.
 */
export async function loadMastraThreeSteps(): Promise<ThreeSteps> {
  if (!fs.existsSync(path.join(baselines, 'node_modules', '@mastra', 'core'))) {
    process.stderr.write('Installing the Mastra baseline in bench/baselines (once) …\n');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: baselines,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // A path, not a literal: the baseline is not type-checked with the project (its packages may be absent).
  const entry = path.join(baselines, 'mastra.ts');
  const baseline = (await import(entry)) as { mastraThreeSteps: ThreeSteps };
  return baseline.mastraThreeSteps;
}
