import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { neverBundled } from '../../scripts/bundle-server.js';
import { requireFreshBuild } from '../helpers/fresh-build.js';

const dist = path.resolve(import.meta.dirname, '../../dist');

/** `import … from "x"`, `export … from "x"` and `import "x"` at the top of a built chunk. */
const staticImport = /^(?:import|export)\s[^;]*?from\s*"([^"]+)";|^import\s*"([^"]+)";/gms;

/** The packages the built files reachable from `entries` by static imports load from node_modules. */
function packagesLoadedFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, from, bare] of fs.readFileSync(file, 'utf8').matchAll(staticImport)) {
      const specifier = from ?? bare ?? '';
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:'))
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  return packages;
}

/**
 * A package that a start loads from node_modules is hundreds of files for Node's loader to
 * resolve, read and compile one by one (issue 16: the second start). The bundle takes them in
 * (scripts/bundle-server.ts); a package newly imported on the way to /readyz must be added to its
 * `bundledPackages`, or to `neverBundled` with the reason it has to stay a package.
 */
describe('the built server before it listens', () => {
  let packages: Set<string>;
  beforeAll(() => {
    requireFreshBuild();
    const serveChunk = /import\("\.\/(chunks\/serve-[^"]+)"\)/.exec(
      fs.readFileSync(path.join(dist, 'cli.js'), 'utf8'),
    )?.[1];
    if (!serveChunk) throw new Error('dist/cli.js imports no serve chunk');
    // `serve` imports the app (dist/app.js) itself, once the embedded server is starting.
    packages = packagesLoadedFrom([
      path.join(dist, 'cli.js'),
      path.join(dist, serveChunk),
      path.join(dist, 'app.js'),
    ]);
  });

  it('loads pg and the engine from node_modules (the walk sees the packages)', () => {
    expect([...packages]).toEqual(expect.arrayContaining(['pg', '@dbos-inc/dbos-sdk']));
  });

  it('loads from node_modules only the packages that must stay packages', () => {
    const unbundled = [...packages].filter((name) => !neverBundled.some((pattern) => pattern.test(name)));
    expect(unbundled, 'packages a start loads that the bundle could take in').toEqual([]);
  });
});
