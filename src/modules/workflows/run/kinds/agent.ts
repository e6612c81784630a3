import { effectKey, runEffectOnce } from '../../../../engine/index.js';
import { StepFailedError } from '../../errors.js';
import type { ActRunner } from './act.js';

/**
 * Asks an agent as the run's user and waits for its answer: output `{ text, run_id }`. The agent
 * run's id is kept with this step's key, so the step run again after a crash waits for the same run.
 */
export const runAgentStep: ActRunner<'agent'> = async (step, input, context, signal) => {
  const agents = context.deps.agents?.();
  if (!agents)
    throw new StepFailedError(
      'AGENT_STEPS_UNAVAILABLE',
      'Agent steps need the agents module, which is not running here',
    );
  const text = typeof input.input === 'string' ? input.input : JSON.stringify(input.input);
  const runId = await runEffectOnce({
    db: context.deps.db,
    key: `${effectKey()}:agent`,
    effect: async () => `arun_${context.deps.ids()}`,
  });
  // An agent run held for its user's approval goes on once answered: the step waits for its end.
  const answer = await agents.ask(context.actor, step.agent, text, {
    run_id: runId,
    signal,
    until_ended: true,
  });
  if (answer.status === 'succeeded') return { output: { text: answer.output ?? '', run_id: answer.run_id } };
  throw new StepFailedError(
    answer.error?.code ?? (answer.status === 'cancelled' ? 'AGENT_RUN_CANCELLED' : 'AGENT_FAILED'),
    answer.error?.message ?? `The agent run ${answer.run_id} is ${answer.status}`,
  );
};
