/**
 * Pipelines: BENCH_PIPELINE_ITEMS short documents (1,000 unless set) through the content-analysis
 * template (five text tools per document, each step cached, concurrency 4, a report note), items/s
 * cold (cache cleared) and warm (every step a cache hit), beside the same five tools called in a
 * plain loop over the same documents in this process (each document read, then the tools one after
 * another). Goal (issue 21): cold >= 0.8x the plain loop, warm >= 10x.
 *
 * The pipeline is durable: every item is a DBOS step of the run (its result checkpointed in
 * Postgres, a synchronous commit), with its step rows, its item row and the run's counts; the
 * plain loop keeps nothing. The machine may be shared: figures are one pass each.
 */
import { actingAs, systemActor } from '../src/actor.js';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { analyzeContent } from '../src/modules/workflows/templates/analyze-content.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { insertWorkflow } from '../test/helpers/workflows.js';

export const title = 'Pipelines: content analysis over short documents, items/s (cold, warm, plain loop)';
const items = Number(process.env.BENCH_PIPELINE_ITEMS ?? 1_000);
export const subtitle = `(${items} documents, 5 text tools each, concurrency 4, one pass each, Node ${process.version})`;

const sentences = [
  'The new release is fast and the team is proud of it.',
  'Customers complained that the delivery was late and the box was damaged.',
  'Marie met the committee in Lyon to discuss the budget for next year.',
  'This plan is terrible; nobody understands the goals or the schedule.',
  'A calm, simple summary helps readers decide what to read first.',
];

export async function run(): Promise<Record<string, string | number>[]> {
  const scratch = await createScratchPostgres();
  const parsed = parseConfig({ databaseUrl: scratch.url, host: '127.0.0.1', port: '0', logLevel: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
    engine: true,
  });
  try {
    const user = await app.identity.users.create(systemActor, {
      email: 'bench@example.com',
      password: 'benchmark password',
      name: 'bench',
    });
    const actor = actingAs({ userId: user.id, role: user.role, via: 'workflow' });
    const ids: string[] = [];
    for (let index = 0; index < items; index++) {
      const document = await app.resources.create(actor, {
        kind: 'text',
        name: `short ${index}`,
        content: `${sentences[index % sentences.length]} Note number ${index}.`,
      });
      ids.push(document.id);
    }
    const workflowId = await insertWorkflow(app, user.id, analyzeContent.definition);
    const { runs } = app.workflows;

    const tools = analyzeContent.definition.steps.map((step) => {
      const { tool, input } = step as { tool: string; input: Record<string, unknown> };
      return { tool, extra: Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'text')) };
    });
    const plainLoop = async () => {
      const started = performance.now();
      for (const id of ids) {
        const { text } = await app.resources.get(actor, id);
        for (const { tool, extra } of tools) {
          const result = await app.tools.call(actor, tool, { text: text ?? '', ...extra });
          if (result.isError) throw new Error(JSON.stringify(result.structuredContent));
        }
      }
      return performance.now() - started;
    };
    const pipeline = async () => {
      const started = performance.now();
      const run = await runs.start(actor, {
        workflow: workflowId,
        input: { document_ids: ids, limit: items },
        trigger: { kind: 'manual', surface: 'bench' },
      });
      const ended = await runs.waitForEnd(actor, run.id, { timeoutMs: 3_600_000 });
      const elapsed = performance.now() - started;
      if (ended.status !== 'succeeded' || ended.pipeline?.failed)
        throw new Error(`The pipeline ended ${ended.status}: ${JSON.stringify(ended.pipeline)}`);
      return elapsed;
    };

    const loopMs = await plainLoop();
    await runs.clearCache(actor);
    const coldMs = await pipeline();
    const warmMs = await pipeline();
    const perSecond = (ms: number) => items / (ms / 1000);
    const loop = perSecond(loopMs);
    return [
      {
        what: 'plain loop (read + 5 tools)',
        'items/s': loop.toFixed(1),
        'x plain loop': '1.00',
        durable: 'no',
      },
      {
        what: 'pipeline, cold (cache cleared)',
        'items/s': perSecond(coldMs).toFixed(1),
        'x plain loop': (perSecond(coldMs) / loop).toFixed(2),
        durable: 'yes (DBOS)',
      },
      {
        what: 'pipeline, warm (all cache hits)',
        'items/s': perSecond(warmMs).toFixed(1),
        'x plain loop': (perSecond(warmMs) / loop).toFixed(2),
        durable: 'yes (DBOS)',
      },
    ];
  } finally {
    await app.close();
    await scratch.drop();
  }
}
