import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The conformance runner and the Node it needs (>= 22; the app itself runs on 20.19+), pinned so
 * every run checks against the same scenarios. Raise these together, on purpose.
 */
export const pinned = {
  node: '22.23.3',
  '@modelcontextprotocol/conformance': '0.1.16',
} as const;

export interface ConformanceTools {
  /** The Node 22 binary from the npm `node` package. */
  node: string;
  /** The conformance CLI's entry script, to run with that node. */
  cli: string;
}

/**
 * The pinned tools in `cacheDir` (gitignored), installed there from the npm registry on first use
 * or when a pin changes. Nothing is installed globally, and the project's own dependencies stay as they are.
 */
export function conformanceTools(cacheDir: string): ConformanceTools {
  if (!installedVersionsMatch(cacheDir)) {
    process.stdout.write(`Installing ${describePins()} into ${cacheDir} …\n`);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true });
    const manifest = { name: 'conformance-tools', private: true, dependencies: pinned };
    fs.writeFileSync(path.join(cacheDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('npm', ['install', '--prefix', cacheDir, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
    });
    if (!installedVersionsMatch(cacheDir)) throw new Error(`npm did not install ${describePins()}`);
  }
  const runner = readManifest(cacheDir, '@modelcontextprotocol/conformance');
  const node = path.join(cacheDir, 'node_modules', '.bin', 'node');
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (nodeVersion !== `v${pinned.node}`) throw new Error(`${node} is ${nodeVersion}, not v${pinned.node}`);
  const entry = runner.bin.conformance;
  if (!entry) throw new Error(`${runner.directory} has no "conformance" command`);
  return { node, cli: path.join(runner.directory, entry) };
}

function installedVersionsMatch(cacheDir: string): boolean {
  return Object.entries(pinned).every(([name, version]) => {
    try {
      return readManifest(cacheDir, name).version === version;
    } catch {
      return false;
    }
  });
}

function readManifest(cacheDir: string, name: string) {
  const directory = path.join(cacheDir, 'node_modules', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  return { directory, ...manifest };
}

function describePins(): string {
  return Object.entries(pinned)
    .map(([name, version]) => `${name}@${version}`)
    .join(' and ');
}
