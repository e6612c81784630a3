import type { LanguageModelV3 } from '@ai-sdk/provider';
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { requireAdmin } from '../actor-policy.js';
import { ModelNotAllowedError } from './errors.js';
import { defaultContextTokens, parseModelId, type Provider } from './model-id.js';
import { probeProvider, type ProviderStatus } from './provider-status.js';
import { languageModelFor, type OfflineModelFactory } from './providers.js';
import type { ModelChoices, ModelSettingsInput } from './schema.js';
import { modelSettings } from './table.js';
import { tracingOn } from '../telemetry/spans.js';
import { withModelSpans } from '../telemetry/model-spans.js';

/** A model ready for the chat loop. */
export interface ResolvedModel {
  readonly id: string;
  readonly model: LanguageModelV3;
  /** How many tokens of context it takes; the history is trimmed to fit. */
  readonly contextTokens: number;
}

const settingsRow = 'models';
const settingsTtlMs = 5000;
const statusTtlMs = 30_000;

/**
 * The models this instance offers: MODEL and MODELS from the config until an admin saves a choice
 * in the app. Resolves a requested id to an AI SDK model, and reports each provider's status.
 */
export function createModelRegistry({
  db,
  config,
  clock,
  offlineModel,
  fetch = globalThis.fetch,
}: {
  db: Database;
  config: Config;
  clock: Clock;
  /** Builds the built-in assistant for the `offline` provider; models does not import modules/assistant. */
  offlineModel: OfflineModelFactory;
  fetch?: typeof globalThis.fetch;
}) {
  let cachedSettings: { value: ModelSettingsInput; until: number } | undefined;
  const statusCache = new Map<Provider, { value: Promise<ProviderStatus>; until: number }>();
  /** Each model is built once: providers build their response parsers per model, which costs ~1 ms. */
  const built = new Map<string, LanguageModelV3>();

  const fromConfig = (): ModelSettingsInput => ({
    default_model: config.model,
    allowed_models: [...new Set([config.model, ...config.models])],
  });

  async function settings(): Promise<ModelSettingsInput> {
    const now = clock.now().getTime();
    if (cachedSettings && cachedSettings.until > now) return cachedSettings.value;
    const [row] = await db.select().from(modelSettings).where(eq(modelSettings.id, settingsRow));
    const value = row ? { default_model: row.defaultModel, allowed_models: row.allowedModels } : fromConfig();
    cachedSettings = { value, until: now + settingsTtlMs };
    return value;
  }

  function providerStatus(provider: Provider): Promise<ProviderStatus> {
    const now = clock.now().getTime();
    const cached = statusCache.get(provider);
    if (cached && cached.until > now) return cached.value;
    const value = probeProvider(provider, { config, fetch });
    statusCache.set(provider, { value, until: now + statusTtlMs });
    return value;
  }

  return {
    /** The default model and the ones users may pick, with each provider's status. */
    async choices(): Promise<ModelChoices> {
      const { default_model, models } = await this.allowed();
      const used = [...new Set(models.map((model) => model.provider))];
      return { default_model, models, providers: await Promise.all(used.map(providerStatus)) };
    },

    /** The default model and the ones users may pick, without asking any provider how it is. */
    async allowed(): Promise<Omit<ModelChoices, 'providers'>> {
      const { default_model, allowed_models } = await settings();
      const models = allowed_models.flatMap((id) => {
        const parsed = parseModelId(id);
        return parsed ? [{ id, provider: parsed.provider, name: parsed.model }] : [];
      });
      return { default_model, models };
    },

    /** True when users may pick this model now. */
    async allows(id: string): Promise<boolean> {
      return (await settings()).allowed_models.includes(id);
    },

    /** The requested model (or the default); MODEL_NOT_ALLOWED when it is not on the list. */
    async resolve(requested?: string | null): Promise<ResolvedModel> {
      const { default_model, allowed_models } = await settings();
      const id = requested ?? default_model;
      const parsed = parseModelId(id);
      if (!parsed || !allowed_models.includes(id)) throw new ModelNotAllowedError(id);
      let model = built.get(id);
      if (!model) {
        model = await languageModelFor(parsed, { config, offlineModel });
        // Wrapped only when traced: each streamed part would otherwise pass one more stream for nothing.
        if (tracingOn()) model = withModelSpans(model, id);
        built.set(id, model);
      }
      return {
        id,
        model,
        contextTokens: config.modelContextTokens ?? defaultContextTokens[parsed.provider],
      };
    },

    /** An admin sets the default model and the allowed list; saved for every instance. */
    async updateSettings(actor: Actor, input: ModelSettingsInput): Promise<ModelChoices> {
      requireAdmin(actor);
      const row = {
        defaultModel: input.default_model,
        allowedModels: input.allowed_models,
        updatedBy: actor.type === 'user' ? actor.userId : null,
        updatedAt: clock.now(),
      };
      await db
        .insert(modelSettings)
        .values({ id: settingsRow, ...row })
        .onConflictDoUpdate({ target: modelSettings.id, set: row });
      cachedSettings = undefined;
      return this.choices();
    },
  };
}

export type ModelRegistry = ReturnType<typeof createModelRegistry>;
