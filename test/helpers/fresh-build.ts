import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** Written last by every `npm run build:server` (scripts/write-build-info.ts, after the bundle). */
const buildStamp = path.join(projectRoot, 'dist/build-info.json');

/** The newest modification time (ms) of the server sources the build compiles (tests excluded). */
function newestSource(dir: string): { file: string; ms: number } {
  let newest = { file: '', ms: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(full)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? { file: full, ms: fs.statSync(full).mtimeMs }
        : newest;
    if (candidate.ms > newest.ms) newest = candidate;
  }
  return newest;
}

/**
 * Tests that run the built server (dist/) call this first: without it, a local run after editing
 * src/ would test the previous build and pass or fail for the wrong reason. It fails clearly rather
 * than building inside the test run (CI builds in `npm ci`'s prepare; a build here would cost a
 * minute per worker on a shared machine).
 */
export function requireFreshBuild(): void {
  if (!fs.existsSync(buildStamp))
    throw new Error('dist/ is not built: run `npm run build:server` before this test');
  const builtMs = fs.statSync(buildStamp).mtimeMs;
  const newest = newestSource(path.join(projectRoot, 'src'));
  if (newest.ms > builtMs)
    throw new Error(
      `dist/ is older than src/ (${path.relative(projectRoot, newest.file)} changed since the last build): run \`npm run build:server\``,
    );
}
