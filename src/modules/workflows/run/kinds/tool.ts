import { effectKey } from '../../../../engine/index.js';
import { StepFailedError } from '../../errors.js';
import { assertToolStepAllowed } from '../../tool-step-policy.js';
import type { ActRunner } from './act.js';

/** The separator of an external MCP tool's name: `<server>__<tool>`. */
const externalSeparator = '__';

/**
 * Calls a tool as the run's user (`via: 'workflow'`): one of the registry's, or one of the user's
 * own MCP servers' (`server__tool`). A result with `isError` fails the step with its error code;
 * otherwise the step's output is the tool's structured result.
 */
export const runToolStep: ActRunner<'tool'> = async (step, input, context, signal) => {
  // Validation refuses these too; a definition saved before that rule still may not call them.
  assertToolStepAllowed(step.tool);
  const runner = context.deps.tools();
  const isRegistered = runner.has(step.tool);
  let result: Awaited<ReturnType<typeof runner.call>>;
  if (isRegistered || !step.tool.includes(externalSeparator)) {
    result = await runner.call(context.actor, step.tool, input, {
      signal,
      idempotencyKey: context.effectKey ?? effectKey(),
      // The context tools default to the run's own space.
      runContext: { kind: 'workflow_run', id: context.run.id },
    });
  } else {
    const external = (await context.deps.externalTools.toolsFor(context.actor)).find(
      (tool) => tool.name === step.tool,
    );
    if (!external)
      throw new StepFailedError(
        'TOOL_NOT_FOUND',
        `There is no tool named "${step.tool}" among your MCP servers' tools`,
      );
    result = await external.call(input, signal);
  }
  if (result.isError) {
    const { error_code, message } = result.structuredContent as { error_code?: string; message?: string };
    throw new StepFailedError(
      error_code ?? 'TOOL_FAILED',
      message ?? result.content.map((part) => part.text).join(' ') ?? 'The tool failed',
    );
  }
  return { output: result.structuredContent };
};
