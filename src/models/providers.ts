import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOllama } from 'ollama-ai-provider-v2';
import type { Config } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import type { ModelId } from './model-id.js';

export type ProviderConfig = Pick<
  Config,
  'openaiApiKey' | 'anthropicApiKey' | 'modelApiKey' | 'modelBaseUrl' | 'ollamaBaseUrl'
>;

/** Builds the built-in assistant's model (src/modules/assistant), handed in by the composition root. */
export type OfflineModelFactory = () => LanguageModelV3;

/** The AI SDK model for an id: a hosted or local provider, or the offline assistant. */
export function languageModelFor(
  id: ModelId,
  { config, offlineModel }: { config: ProviderConfig; offlineModel: OfflineModelFactory },
): LanguageModelV3 {
  switch (id.provider) {
    case 'offline':
      return offlineModel();
    case 'openai':
      return createOpenAI({
        apiKey: requireKey(config.openaiApiKey ?? config.modelApiKey, 'OPENAI_API_KEY'),
      }).languageModel(id.model);
    case 'anthropic':
      return createAnthropic({
        apiKey: requireKey(config.anthropicApiKey ?? config.modelApiKey, 'ANTHROPIC_API_KEY'),
      }).languageModel(id.model);
    case 'ollama':
      return createOllama({ baseURL: `${trimSlash(config.ollamaBaseUrl)}/api` }).languageModel(id.model);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: trimSlash(config.modelBaseUrl ?? ''),
        includeUsage: true,
        ...(config.modelApiKey ? { apiKey: config.modelApiKey } : {}),
      }).languageModel(id.model);
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
