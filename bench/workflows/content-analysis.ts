import { actingAs, systemActor } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { analyzeContent } from '../../src/modules/workflows/templates/analyze-content.js';
import { createScratchPostgres } from '../../test/helpers/postgres.js';
import { insertWorkflow } from '../../test/helpers/workflows.js';

const sentences = [
  'The new release is fast and the team is proud of it.',
  'Customers complained that the delivery was late and the box was damaged.',
  'Marie met the committee in Lyon to discuss the budget for next year.',
  'This plan is terrible; nobody understands the goals or the schedule.',
  'A calm, simple summary helps readers decide what to read first.',
];

/**
 * The pipelines' benchmark set-up (`npm run bench pipelines`, bench/workflows/pipeline-cpu.ts): an
 * app with the durable engine on a scratch database, a user with `items` short documents, the
 * content-analysis template saved as a workflow, and the two ways to do its work: the same five
 * tools called in a plain loop (each document read, then the tools one after another), and the
 * pipeline run to its end (it throws unless every item succeeded).
 */
export async function openContentAnalysis(items: number) {
  const scratch = await createScratchPostgres();
  const parsed = parseConfig({ databaseUrl: scratch.url, host: '127.0.0.1', port: '0', logLevel: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
    engine: true,
  });
  const close = async () => {
    await app.close();
    await scratch.drop();
  };
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
    return {
      scratch,
      clearCache: () => runs.clearCache(actor),
      async plainLoop() {
        for (const id of ids) {
          const { text } = await app.resources.get(actor, id);
          for (const { tool, extra } of tools) {
            const result = await app.tools.call(actor, tool, { text: text ?? '', ...extra });
            if (result.isError) throw new Error(JSON.stringify(result.structuredContent));
          }
        }
      },
      async pipeline() {
        const run = await runs.start(actor, {
          workflow: workflowId,
          input: { document_ids: ids, limit: items },
          trigger: { kind: 'manual', surface: 'bench' },
        });
        const ended = await runs.waitForEnd(actor, run.id, { timeoutMs: 3_600_000 });
        if (ended.status !== 'succeeded' || ended.pipeline?.failed)
          throw new Error(`The pipeline ended ${ended.status}: ${JSON.stringify(ended.pipeline)}`);
        return ended;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
