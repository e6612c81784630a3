import { Mastra } from '@mastra/core/mastra';
import { createStep, createWorkflow } from '@mastra/core/workflows';
import { PostgresStore } from '@mastra/pg';
import { z } from 'zod';

/** What each step does: the same tool call our workflow's steps make (bench/workflows/mastra-baseline.ts). */
type EchoCall = (message: string) => Promise<string>;

/**
 * The 3-step workflow in Mastra (`@mastra/core`), each step calling the same tool as ours. With no
 * `postgresUrl`, Mastra's default storage (an in-memory store: nothing survives the process); with
 * one, `@mastra/pg`'s PostgresStore on that database, in its own schema (it snapshots the run there).
 */
export async function mastraThreeSteps(echo: EchoCall, postgresUrl?: string) {
  const message = z.object({ message: z.string() });
  const step = (id: string) =>
    createStep({
      id,
      inputSchema: message,
      outputSchema: message,
      execute: async ({ inputData }) => ({ message: await echo(inputData.message) }),
    });
  const workflow = createWorkflow({ id: 'three-steps', inputSchema: message, outputSchema: message })
    .then(step('one'))
    .then(step('two'))
    .then(step('three'))
    .commit();
  const storage = postgresUrl
    ? new PostgresStore({ id: 'bench-mastra', connectionString: postgresUrl, schemaName: 'mastra' })
    : undefined;
  if (storage) await storage.init();
  const mastra = new Mastra({
    workflows: { threeSteps: workflow },
    logger: false,
    ...(storage ? { storage } : {}),
  });
  const registered = mastra.getWorkflow('threeSteps');

  return {
    /** One run from start to end; throws unless it succeeded. */
    async runOnce(input: string): Promise<void> {
      const run = await registered.createRun();
      const result = await run.start({ inputData: { message: input } });
      if (result.status !== 'success') throw new Error(`Mastra run ended ${result.status}`);
    },
    close: async () => {
      await storage?.close();
    },
  };
}
