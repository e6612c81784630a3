/**
 * A user's export file: how long GET /api/v1/me/export's service takes, how large the file is, and
 * how long importing it into another account takes, for users holding 1k and 10k memories (the
 * sizes in BENCH_EXPORT_SIZES) plus 10 context spaces of 50 entries, 10 agents and 10 workflows.
 * Memories are written straight into the table (the import then writes them one at a time through
 * the memory service, as it does for a user).
 */
import { actingAs, systemActor } from '../src/actor.js';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { memories } from '../src/modules/memory/table.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { seededMemoryRow } from '../test/helpers/memory-rows.js';

export const title = 'Export file: export and import time by number of memories';
const sizes = (process.env.BENCH_EXPORT_SIZES ?? '1000,10000').split(',').map(Number);
export const subtitle = `(one run per size; 10 spaces × 50 entries, 10 agents, 10 workflows besides; Node ${process.version})`;

export async function run(): Promise<Record<string, string | number>[]> {
  const database = await createScratchPostgres();
  const parsed = parseConfig({ databaseUrl: database.url, port: '0', logLevel: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
  });
  const rows: Record<string, string | number>[] = [];
  const userActor = async (email: string) => {
    const user = await app.identity.users.create(systemActor, {
      email,
      password: 'correct horse battery',
      name: email,
      role: 'user',
    });
    return actingAs({ userId: user.id, role: 'user' });
  };
  try {
    for (const size of sizes) {
      const owner = await userActor(`owner-${size}@example.com`);
      for (let written = 0; written < size; written += 1000) {
        const now = new Date();
        await app.database.db.insert(memories).values(
          Array.from({ length: Math.min(1000, size - written) }, (_, offset) =>
            seededMemoryRow(owner.userId, `Fact number ${written + offset} about the bench`, {
              tags: ['bench'],
              at: now,
            }),
          ),
        );
      }
      for (let index = 0; index < 10; index++) {
        const space = await app.context.spaces.create(owner, { name: `Space ${index}` });
        for (let entry = 0; entry < 50; entry++)
          await app.context.entries.set(owner, space.id, `notes/${entry}`, {
            value: { entry, text: 'words' },
          });
        await app.agents.create(owner, {
          name: `agent-${index}`,
          description: 'A bench agent',
          instructions: 'Be brief.',
        });
        await app.workflows.definitions.create(owner, {
          name: `flow-${index}`,
          steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'Bench' } }],
        });
      }
      const exportStarted = performance.now();
      const file = await app.portability.exportFile(owner);
      const exportMs = performance.now() - exportStarted;
      const bytes = Buffer.byteLength(JSON.stringify(file));
      const importer = await userActor(`importer-${size}@example.com`);
      const importStarted = performance.now();
      await app.portability.importFile(importer, file);
      const importMs = performance.now() - importStarted;
      rows.push({
        memories: size,
        'export ms': Math.round(exportMs),
        'file MB': (bytes / 1024 / 1024).toFixed(2),
        'import ms': Math.round(importMs),
      });
    }
  } finally {
    await app.close();
    await database.drop();
  }
  return rows;
}
