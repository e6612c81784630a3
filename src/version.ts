import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './package-root.js';

const root = packageRoot;

/** The package version, read once (the same path works from src/ under tsx and from dist/). */
export const version: string = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;

/** Where the build writes the commit it was built from (`npm run build:server`, scripts/write-build-info.ts). */
export const buildInfoUrl = new URL('dist/build-info.json', root);

let knownCommit: string | undefined;

/**
 * The commit this code is: the one recorded at build time when running the built dist/, else
 * git's HEAD of the checkout at run time, else "unknown". Never throws; asked once per process.
 */
export function commit(): string {
  knownCommit ??= (runningBuilt() ? builtCommit() : undefined) ?? gitCommit() ?? 'unknown';
  return knownCommit;
}

/** `0.1.0 (a1b2c3d)`: what `switchboard --version` prints. */
export function versionLine(): string {
  return `${version} (${commit()})`;
}

function runningBuilt(): boolean {
  return import.meta.url.startsWith(new URL('dist/', root).href);
}

function builtCommit(): string | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(buildInfoUrl, 'utf8')).commit;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** HEAD's short hash, or undefined outside a git checkout or without git. */
export function gitCommit(cwd: string = fileURLToPath(root)): string | undefined {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    }).trim();
    return /^[0-9a-f]{7,40}$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}
