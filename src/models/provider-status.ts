import type { Provider } from './model-id.js';
import { type ProviderConfig, trimSlash } from './providers.js';

export interface ProviderStatus {
  provider: Provider;
  state: 'ready' | 'not_configured' | 'unreachable';
  /** Why it is not ready, in words a person can act on. */
  message: string | null;
  /** Ollama: every model pulled on the server. OpenAI-compatible: every model the server lists. */
  installed_models?: string[];
  /** Ollama: the models loaded in memory now. */
  loaded_models?: string[];
}

const probeTimeoutMs = 3000;

/**
 * Asks a provider whether it can serve: hosted ones need a key (and answer their model list);
 * Ollama and OpenAI-compatible servers are asked what they have installed and loaded.
 */
export async function probeProvider(
  provider: Provider,
  { config, fetch = globalThis.fetch }: { config: ProviderConfig; fetch?: typeof globalThis.fetch },
): Promise<ProviderStatus> {
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(probeTimeoutMs) });
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const unreachable = (error: unknown): ProviderStatus => ({
    provider,
    state: 'unreachable',
    message: error instanceof Error ? error.message : String(error),
  });
  try {
    switch (provider) {
      case 'offline':
        return { provider, state: 'ready', message: null };
      case 'openai': {
        const key = config.openaiApiKey ?? config.modelApiKey;
        if (!key) return notConfigured(provider, 'Set OPENAI_API_KEY (or MODEL_API_KEY) and restart');
        await get('https://api.openai.com/v1/models', { authorization: `Bearer ${key}` });
        return { provider, state: 'ready', message: null };
      }
      case 'anthropic': {
        const key = config.anthropicApiKey ?? config.modelApiKey;
        if (!key) return notConfigured(provider, 'Set ANTHROPIC_API_KEY (or MODEL_API_KEY) and restart');
        await get('https://api.anthropic.com/v1/models', {
          'x-api-key': key,
          'anthropic-version': '2023-06-01',
        });
        return { provider, state: 'ready', message: null };
      }
      case 'ollama': {
        const base = trimSlash(config.ollamaBaseUrl);
        const [tags, running] = await Promise.all([get(`${base}/api/tags`), get(`${base}/api/ps`)]);
        return {
          provider,
          state: 'ready',
          message: null,
          installed_models: modelNames(tags.models),
          loaded_models: modelNames(running.models),
        };
      }
      case 'openai-compatible': {
        if (!config.modelBaseUrl) return notConfigured(provider, 'Set MODEL_BASE_URL and restart');
        const headers: Record<string, string> = config.modelApiKey
          ? { authorization: `Bearer ${config.modelApiKey}` }
          : {};
        const listed = await get(`${trimSlash(config.modelBaseUrl)}/models`, headers);
        return { provider, state: 'ready', message: null, installed_models: modelIds(listed.data) };
      }
    }
  } catch (error) {
    return unreachable(error);
  }
}

function notConfigured(provider: Provider, message: string): ProviderStatus {
  return { provider, state: 'not_configured', message };
}

function modelNames(models: unknown): string[] {
  return Array.isArray(models) ? models.map((model: { name?: unknown }) => String(model.name)) : [];
}

function modelIds(models: unknown): string[] {
  return Array.isArray(models) ? models.map((model: { id?: unknown }) => String(model.id)) : [];
}
