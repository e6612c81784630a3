import type { ToolOutcome } from '../conversation.js';
import { call, type PlanContext, reply, type Step } from '../plan-context.js';
import { replyTo } from '../reply/index.js';
import type { ToolName } from '../tool-name.js';

export { call, calls, type Intent, type Match, type PlanContext, reply, type Step } from '../plan-context.js';

/** The output of the latest successful call of a tool in this turn. */
export function outputOf(context: PlanContext, toolName: ToolName): unknown {
  const outcomes = context.turn.outcomes;
  for (let index = outcomes.length - 1; index >= 0; index--) {
    const outcome = outcomes[index];
    if (outcome?.toolName === toolName && outcome.result?.kind === 'output') return outcome.result.value;
  }
  return undefined;
}

/** The latest successful call of a tool in this turn, with its input. */
export function outcomeOf(context: PlanContext, toolName: ToolName): ToolOutcome | undefined {
  return [...context.turn.outcomes]
    .reverse()
    .find((outcome) => outcome.toolName === toolName && outcome.result?.kind === 'output');
}

/** The one-call plan: call the tool, then answer with its result put in words. */
export function callThenReply(
  context: PlanContext,
  toolName: ToolName,
  input: Record<string, unknown>,
): Step {
  const done = outcomeOf(context, toolName);
  if (!done || done.result?.kind !== 'output') return call(toolName, input);
  return reply(replyTo({ toolName, input: done.input, output: done.result.value, context }));
}

/** Text as the user wrote it, without wrapping quotes and outer whitespace. */
export function unquote(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  const quoted = /^(["'“‘«`])([\s\S]*)(["'”’»`])$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '').trim() : trimmed;
}
