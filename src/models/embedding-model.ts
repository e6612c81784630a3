import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import { embedMany } from 'ai';
import type { Config } from '../config.js';
import { parseModelId } from './model-id.js';
import { trimSlash } from './providers.js';

/** Turns texts into unit-length vectors with the configured embedding model. */
export interface Embedder {
  /** The model's id as configured (`openai:text-embedding-3-small`): embeddings are stored per model. */
  readonly model: string;
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

export type EmbeddingConfig = Pick<
  Config,
  'embeddingModel' | 'openaiApiKey' | 'modelApiKey' | 'modelBaseUrl' | 'ollamaBaseUrl'
>;

/**
 * The embedder for EMBEDDING_MODEL through the AI SDK (`embedMany`), or undefined when none is
 * set: then recall is full text and trigram only. The provider package is imported on first use.
 */
export function createEmbedder(config: EmbeddingConfig): Embedder | undefined {
  const id = config.embeddingModel;
  const parsed = id ? parseModelId(id) : undefined;
  if (!id || !parsed) return undefined;
  let model: Promise<EmbeddingModelV3> | undefined;
  const load = async (): Promise<EmbeddingModelV3> => {
    switch (parsed.provider) {
      case 'openai': {
        const { createOpenAI } = await import('@ai-sdk/openai');
        const apiKey = config.openaiApiKey ?? config.modelApiKey;
        return createOpenAI(apiKey ? { apiKey } : {}).embeddingModel(parsed.model);
      }
      case 'ollama': {
        const { createOllama } = await import('ollama-ai-provider-v2');
        return createOllama({ baseURL: `${trimSlash(config.ollamaBaseUrl)}/api` }).embedding(parsed.model);
      }
      default: {
        const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
        return createOpenAICompatible({
          name: 'openai-compatible',
          baseURL: trimSlash(config.modelBaseUrl ?? ''),
          ...(config.modelApiKey ? { apiKey: config.modelApiKey } : {}),
        }).embeddingModel(parsed.model);
      }
    }
  };
  return {
    model: id,
    async embed(texts, signal) {
      if (texts.length === 0) return [];
      model ??= load();
      const { embeddings } = await embedMany({
        model: await model,
        values: [...texts],
        maxRetries: 1,
        ...(signal ? { abortSignal: signal } : {}),
      });
      return embeddings.map(unitLength);
    },
  };
}

/** The vector scaled to length 1, so that cosine similarity is a dot product. */
export function unitLength(vector: readonly number[]): number[] {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return length === 0 ? [...vector] : vector.map((value) => value / length);
}
