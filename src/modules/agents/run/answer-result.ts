import { errorResult, type ToolCallResult } from '../../../tools/tool-runner.js';
import type { AgentAnswer } from '../schema.js';

/** An agent's answer as a tool's result: its output, or its failure with the code (and the run id either way). */
export function answerResult(answer: AgentAnswer): ToolCallResult {
  if (answer.status === 'succeeded') {
    return {
      content: [{ type: 'text', text: answer.output ?? '' }],
      structuredContent: { run_id: answer.run_id, status: answer.status, output: answer.output ?? '' },
      isError: false,
    };
  }
  if (answer.status === 'failed' || answer.status === 'cancelled') {
    const code =
      answer.error?.code ?? (answer.status === 'cancelled' ? 'AGENT_RUN_CANCELLED' : 'AGENT_FAILED');
    const result = errorResult({ code, message: answer.error?.message ?? `The agent run ${answer.status}` });
    return { ...result, structuredContent: { ...result.structuredContent, run_id: answer.run_id } };
  }
  return {
    content: [
      {
        type: 'text',
        text: `Run ${answer.run_id} is ${answer.status} and goes on; get_agent_run follows it.`,
      },
    ],
    structuredContent: { run_id: answer.run_id, status: answer.status },
    isError: false,
  };
}

/** The input schema of an agent as a tool: one text to ask it. */
export const agentToolInputSchema: Record<string, unknown> = {
  type: 'object',
  properties: { input: { type: 'string', description: 'What to ask the agent, in words' } },
  required: ['input'],
  additionalProperties: false,
};

/** The text an agent tool was called with. */
export function agentToolInput(args: unknown): string {
  const input = (args as { input?: unknown } | null)?.input;
  return typeof input === 'string' ? input : JSON.stringify(args ?? {});
}
