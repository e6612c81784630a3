import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Node versions users run, pinned so a CI run tests the same binaries every time; raise them
 * on purpose (22 as scripts/conformance/tool-cache.ts pins it).
 */
export const pinnedNodes = { '22': '22.23.3', '24': '24.21.0' } as const;
export type NodeLine = keyof typeof pinnedNodes;

/** Where the Nodes are kept between runs: outside the clone, so a fresh checkout reuses them. */
export const nodeCacheRoot =
  process.env.SWITCHBOARD_CI_CACHE ?? path.join(os.homedir(), '.cache', 'switchboard-ci');

/**
 * The pinned Node of `line`, installed from the npm registry's `node` package into
 * `<cacheRoot>/node<line>` on first use or when the pin changes; answers its binary.
 */
export function nodeFromRegistry(line: NodeLine, cacheRoot = nodeCacheRoot): string {
  const version = pinnedNodes[line];
  const directory = path.join(cacheRoot, `node${line}`);
  const binary = path.join(directory, 'node_modules', '.bin', 'node');
  if (versionOf(binary) === `v${version}`) return binary;
  process.stdout.write(`Installing node@${version} into ${directory} …\n`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const manifest = { name: `node${line}`, private: true, dependencies: { node: version } };
  fs.writeFileSync(path.join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync('npm', ['install', '--prefix', directory, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
  });
  const installed = versionOf(binary);
  if (installed !== `v${version}`) throw new Error(`${binary} is ${installed ?? 'missing'}, not v${version}`);
  return binary;
}

function versionOf(binary: string): string | undefined {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
