/**
 * `npx tsx bench/async-resources.ts [path] [requests]`: the async resources (promises, ticks,
 * timers…) one GET of `path` (default /readyz) creates in a served Switchboard, by type, against
 * bare Fastify's /readyz. Requests go one at a time over one keep-alive connection, after a
 * warm-up; the count runs only while they do, so the durable engine's own polling, which runs by
 * the clock, adds a little (a fraction of one a request).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchPostgres } from '../test/helpers/postgres.js';

const pathName = process.argv[2] ?? '/readyz';
const requests = Number(process.argv[3] ?? 500);
const here = import.meta.dirname;

async function countPerRequest(file: string, route: string, databaseUrl: string) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-async-'));
  const out = path.join(scratch, 'counts.json');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(here, 'servers/async-resource-counter.ts'),
      path.join(here, 'servers', file),
    ],
    {
      env: {
        ...process.env,
        DATA_DIR: scratch,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        LOG_LEVEL: 'silent',
        ASYNC_RESOURCES_OUT: out,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    const { url } = JSON.parse(line) as { url: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<void>((resolve, reject) =>
        http
          .get(`${url}${route}`, { agent }, (response) => response.resume().once('end', resolve))
          .once('error', reject),
      );
    for (let n = 0; n < 500; n++) await get(); // warm-up
    child.kill('SIGUSR1');
    await sleep(100);
    for (let n = 0; n < requests; n++) await get();
    child.kill('SIGUSR2');
    await sleep(300);
    agent.destroy();
    const counts = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, number>;
    return Object.fromEntries(Object.entries(counts).map(([type, count]) => [type, count / requests]));
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const database = await createScratchPostgres();
try {
  const rows = {
    'bare Fastify /readyz': await countPerRequest('bare-fastify.ts', '/readyz', database.url),
    [`Switchboard ${pathName}`]: await countPerRequest('switchboard.ts', pathName, database.url),
  };
  for (const [name, counts] of Object.entries(rows)) {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const byType = Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([type, count]) => `${type} ${count.toFixed(2)}`)
      .join(', ');
    process.stdout.write(`${name}: ${total.toFixed(2)} a request (${byType})\n`);
  }
} finally {
  await database.drop();
}
