import { actingAs, systemActor } from '../../src/actor.js';
import { type App, createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { WorkflowDefinitionInput } from '../../src/modules/workflows/definition.js';
import { insertWorkflow } from '../../test/helpers/workflows.js';

/** The 3-step workflow: each step the echo fixture tool, fed the previous step's output. */
const threeSteps: WorkflowDefinitionInput = {
  name: 'bench-three-steps',
  input_schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
  steps: [
    { id: 'one', kind: 'tool', tool: 'echo', input: { message: '{{ input.message }}' } },
    {
      id: 'two',
      kind: 'tool',
      tool: 'echo',
      needs: ['one'],
      input: { message: '{{ steps.one.output.message }}' },
    },
    {
      id: 'three',
      kind: 'tool',
      tool: 'echo',
      needs: ['two'],
      input: { message: '{{ steps.two.output.message }}' },
    },
  ],
};

/** Where a Switchboard of the bench keeps its data: a team's Postgres, or the embedded server in a data directory. */
export type SwitchboardDatabase = { databaseUrl: string } | { dataDir: string };

/**
 * Switchboard in this process: the whole app with the durable engine (DBOS) on a Postgres
 * database, the echo fixture tool, one user and the 3-step workflow. DBOS is one per process, so
 * one is open at a time; opened again on the same database, it finds its user and workflow there.
 */
export async function startSwitchboard(database: SwitchboardDatabase) {
  const parsed = parseConfig({
    ...database,
    mcpFixtures: 'true',
    host: '127.0.0.1',
    port: '0',
    logLevel: 'silent',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app: App = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
    engine: true,
  });
  const email = 'bench@example.com';
  let user = await app.identity.users.findByEmail(systemActor, email).catch(() => undefined);
  if (!user) {
    user = await app.identity.users.create(systemActor, {
      email,
      password: 'benchmark password',
      name: 'bench',
    });
    await insertWorkflow(app, user.id, threeSteps);
  }
  const actor = actingAs({ userId: user.id, role: user.role, via: 'workflow' });
  const { runs } = app.workflows;

  return {
    /** The echo tool called directly, as a step would call it (the tool runner, as the user). */
    async echo(message: string): Promise<string> {
      const result = await app.tools.call(actor, 'echo', { message });
      if (result.isError) throw new Error(JSON.stringify(result.structuredContent));
      return String(result.structuredContent.message);
    },
    /** Runs the 3-step workflow once to its end. */
    async runThreeSteps(message: string): Promise<void> {
      const run = await runs.start(actor, {
        workflow: threeSteps.name,
        input: { message },
        trigger: { kind: 'manual', surface: 'bench' },
      });
      const ended = await runs.waitForEnd(actor, run.id, { timeoutMs: 60_000 });
      if (ended.status !== 'succeeded') throw new Error(`Switchboard run ended ${ended.status}`);
    },
    close: () => app.close(),
  };
}
