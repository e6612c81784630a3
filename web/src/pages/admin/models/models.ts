/** What GET /api/v1/models answers. */
export type { ModelChoices, ProviderStatus } from '@server/models/schema';

export const modelsKey = ['models'];

const modelId = /^(offline|(openai|anthropic|ollama|openai-compatible):\S+)$/;

/** Why a model id cannot be added, or null when it can. */
export function modelIdProblem(id: string, allowed: string[]): string | null {
  if (!modelId.test(id))
    return 'Write it as provider:model (providers: openai, anthropic, ollama, openai-compatible), or offline.';
  if (allowed.includes(id)) return 'This model is already allowed.';
  return null;
}
