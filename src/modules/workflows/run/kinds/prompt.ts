import { StepFailedError } from '../../errors.js';
import type { ActRunner } from './act.js';

/** Renders a library prompt (the user's own, or a shared one) with the step's arguments: `{ text, prompt }`. */
export const runPromptStep: ActRunner<'prompt'> = async (step, input, context) => {
  const prompt = await context.deps.prompts.findByName(context.actor, step.prompt);
  if (!prompt) throw new StepFailedError('PROMPT_NOT_FOUND', `There is no prompt named "${step.prompt}"`);
  const given = Object.fromEntries(
    Object.entries(input).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  const { text } = await context.deps.prompts.render(context.actor, prompt.id, given);
  return { output: { text, prompt: prompt.name } };
};
