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

/**
 * Switchboard in this process: the whole app with the durable engine (DBOS) on a Postgres
 * database, the echo fixture tool, one user and the 3-step workflow.
 */
export async function startSwitchboard(databaseUrl: string) {
  const parsed = parseConfig({
    databaseUrl,
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
  const user = await app.identity.users.create(systemActor, {
    email: 'bench@example.com',
    password: 'benchmark password',
    name: 'bench',
  });
  const actor = actingAs({ userId: user.id, role: user.role, via: 'workflow' });

  return {
    /** The echo tool called directly, as a step would call it (the tool runner, as the user). */
    async echo(message: string): Promise<string> {
      const result = await app.tools.call(actor, 'echo', { message });
      if (result.isError) throw new Error(JSON.stringify(result.structuredContent));
      return String(result.structuredContent.message);
    },
    /** The 3-step workflow saved (straight into its tables), and a function that runs it once to its end. */
    async threeStepRunner(): Promise<(message: string) => Promise<void>> {
      const id = await insertWorkflow(app, user.id, threeSteps);
      const { runs } = app.workflows;
      return async (message) => {
        const run = await runs.start(actor, {
          workflow: id,
          input: { message },
          trigger: { kind: 'manual', surface: 'bench' },
        });
        const ended = await runs.waitForEnd(actor, run.id, { timeoutMs: 60_000 });
        if (ended.status !== 'succeeded') throw new Error(`Switchboard run ended ${ended.status}`);
      };
    },
    close: () => app.close(),
  };
}
