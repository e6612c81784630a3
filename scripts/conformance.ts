/**
 * `npm run test:conformance`: runs the official MCP conformance suite
 * (`@modelcontextprotocol/conformance`, every active server scenario) against the built server
 * in fixture mode, on a fresh database, and exits non-zero when any check fails. There is no
 * expected-failures list: every active scenario must pass. The runner needs Node 22, which it gets
 * from the npm registry into .cache/ (see conformance/tool-cache.ts); the app runs on this Node.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FixtureServer, startFixtureServer } from './conformance/fixture-server.js';
import { conformanceTools } from './conformance/tool-cache.js';

interface Check {
  name: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
}

const root = path.resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

buildIfStale();
const tools = conformanceTools(path.join(root, '.cache/conformance-tools'));
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-conformance-'));
// DATA_DIR is inside: run as root, the embedded PostgreSQL (account postgres) must pass through.
fs.chmodSync(workDir, 0o711);
let server: FixtureServer | undefined;
let exitCode = 1;
try {
  server = await startFixtureServer({ root, workDir });
  say(`Switchboard in fixture mode at ${server.mcpUrl}`);
  const resultsDir = path.join(workDir, 'results');
  const runnerCode = await run(tools.node, [
    tools.cli,
    'server',
    '--url',
    server.mcpUrl,
    '--suite',
    'active',
    '--output-dir',
    resultsDir,
  ]);
  exitCode = report(resultsDir) && runnerCode === 0 ? 0 : 1;
  const serverOutput = server.log().trim();
  if (exitCode !== 0 && serverOutput) say(`--- server output ---\n${serverOutput}`);
} finally {
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** Builds dist/ when it is missing or older than a source file, so the run checks this checkout. */
function buildIfStale(): void {
  const built = path.join(root, 'dist/cli.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  const stale = sources.some((file) => fs.statSync(path.join(root, 'src', file)).mtimeMs > builtAt);
  if (!stale) return;
  say('Building (dist/ is older than src/) …');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Reads every scenario's checks.json, names the warnings and failures (the runner's own summary
 * counts only passes and failures), and says whether the run passed: at least one scenario, no failure.
 */
function report(resultsDir: string): boolean {
  const scenarios = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : [];
  const noteworthy: string[] = [];
  let failures = 0;
  for (const directory of scenarios) {
    const checks = JSON.parse(
      fs.readFileSync(path.join(resultsDir, directory, 'checks.json'), 'utf8'),
    ) as Check[];
    const scenario = directory.replace(/^server-/, '').replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '');
    for (const check of checks.filter(({ status }) => status === 'FAILURE' || status === 'WARNING')) {
      if (check.status === 'FAILURE') failures++;
      noteworthy.push(
        `  ${check.status} ${scenario}: ${check.name}${check.errorMessage ? ` — ${check.errorMessage}` : ''}`,
      );
    }
  }
  say(
    `\nConformance: ${scenarios.length} scenarios, ${failures} failed checks, ${noteworthy.length - failures} warnings`,
  );
  for (const line of noteworthy) say(line);
  if (scenarios.length === 0) say('The runner ran no scenario.');
  return scenarios.length > 0 && failures === 0;
}
