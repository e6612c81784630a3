import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Config } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import type { ModelId } from './model-id.js';
import { createToolsBodyCache } from './tools-body-cache.js';

export type ProviderConfig = Pick<
  Config,
  'openaiApiKey' | 'anthropicApiKey' | 'modelApiKey' | 'modelBaseUrl' | 'ollamaBaseUrl'
>;

/** Builds the built-in assistant's model (src/modules/assistant), handed in by the composition root. */
export type OfflineModelFactory = () => LanguageModelV3;

/**
 * The AI SDK model for an id: a hosted or local provider, or the offline assistant. Each provider's
 * package is imported on its first use (together about a megabyte of JavaScript a start would
 * otherwise compile before it listens; the registry warms the default one up after listen).
 */
export async function languageModelFor(
  id: ModelId,
  { config, offlineModel }: { config: ProviderConfig; offlineModel: OfflineModelFactory },
): Promise<LanguageModelV3> {
  switch (id.provider) {
    case 'offline':
      return offlineModel();
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return createOpenAI({
        apiKey: requireKey(config.openaiApiKey ?? config.modelApiKey, 'OPENAI_API_KEY'),
      }).languageModel(id.model);
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return createAnthropic({
        apiKey: requireKey(config.anthropicApiKey ?? config.modelApiKey, 'ANTHROPIC_API_KEY'),
      }).languageModel(id.model);
    }
    case 'ollama': {
      const { createOllama } = await import('ollama-ai-provider-v2');
      return createOllama({ baseURL: `${trimSlash(config.ollamaBaseUrl)}/api` }).languageModel(id.model);
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      const toolsBody = createToolsBodyCache();
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: trimSlash(config.modelBaseUrl ?? ''),
        includeUsage: true,
        ...(config.modelApiKey ? { apiKey: config.modelApiKey } : {}),
        // The tools' JSON Schemas are serialized once, not in every request's body.
        transformRequestBody: toolsBody.transformRequestBody,
        fetch: toolsBody.fetch,
      }).languageModel(id.model);
    }
  }
}

/** A hosted provider's key, or MODEL_NOT_CONFIGURED naming the setting to set. */
function requireKey(key: string | undefined, setting: string): string {
  if (key) return key;
  throw new ServiceUnavailableError(
    'MODEL_NOT_CONFIGURED',
    `This model needs an API key: set ${setting} (or MODEL_API_KEY) and restart`,
  );
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
