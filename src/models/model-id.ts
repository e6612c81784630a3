/** The providers a model id may name. `offline` is the built-in assistant. */
export const providers = ['offline', 'openai', 'anthropic', 'ollama', 'openai-compatible'] as const;
export type Provider = (typeof providers)[number];

export interface ModelId {
  readonly provider: Provider;
  /** The provider's own name for the model; `assistant` for the offline one. */
  readonly model: string;
}

/** The offline assistant's id, and the default model. */
export const offlineModelId = 'offline';

/** Splits `provider:model` (the model part may hold colons, as Ollama tags do); `offline` alone is the built-in assistant. */
export function parseModelId(id: string): ModelId | undefined {
  if (id === offlineModelId) return { provider: 'offline', model: 'assistant' };
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const provider = providers.find((name) => name === id.slice(0, colon));
  const model = id.slice(colon + 1);
  if (!provider || provider === 'offline' || !model) return undefined;
  return { provider, model };
}

/**
 * A context window that fits most models of each provider, used when MODEL_CONTEXT_TOKENS is unset.
 * Local servers vary (Ollama's own num_ctx may be smaller): set MODEL_CONTEXT_TOKENS to match.
 */
export const defaultContextTokens: Record<Provider, number> = {
  offline: 128_000, // it reads phrasings, not tokens: the history limit is CHAT_HISTORY_MESSAGES
  openai: 128_000,
  anthropic: 200_000,
  ollama: 32_768,
  'openai-compatible': 32_768,
};
