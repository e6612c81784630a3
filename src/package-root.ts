import { existsSync } from 'node:fs';

/**
 * The installed package's root folder (package.json, drizzle/, web/dist/, dist/), as a `file:` URL
 * ending in `/`. Found by walking up from this module: it is `src/package-root.ts` under tsx and
 * vitest, and a chunk of the bundle in `dist/` when built, so no path may count the folders between
 * a module and the root.
 */
export const packageRoot: URL = findPackageRoot(new URL('.', import.meta.url));

function findPackageRoot(start: URL): URL {
  for (let folder = start; ; folder = new URL('..', folder)) {
    if (existsSync(new URL('package.json', folder))) return folder;
    const parent = new URL('..', folder);
    if (parent.href === folder.href) throw new Error(`no package.json above ${start.href}`);
  }
}
