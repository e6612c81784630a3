import { z } from 'zod';
import { providers } from './model-id.js';

const modelIdField = z
  .string()
  .regex(/^(offline|(openai|anthropic|ollama|openai-compatible):\S+)$/, 'expected offline or provider:model');

export const modelSettingsInputSchema = z
  .object({
    default_model: modelIdField.describe('The model a new conversation uses'),
    allowed_models: z.array(modelIdField).min(1).max(100).describe('The models users may pick from'),
  })
  .refine((input) => input.allowed_models.includes(input.default_model), {
    message: 'The default model must be one of the allowed models',
    path: ['default_model'],
  });
export type ModelSettingsInput = z.infer<typeof modelSettingsInputSchema>;

export const providerStatusSchema = z.object({
  provider: z.enum(providers),
  state: z.enum(['ready', 'not_configured', 'unreachable']),
  message: z.string().nullable(),
  installed_models: z.array(z.string()).optional(),
  loaded_models: z.array(z.string()).optional(),
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

export const modelChoicesSchema = z
  .object({
    default_model: z.string(),
    models: z.array(z.object({ id: z.string(), provider: z.enum(providers), name: z.string() })),
    providers: z
      .array(providerStatusSchema)
      .describe('Each provider the allowed models use, and whether it answers'),
  })
  .meta({ id: 'ModelChoices' });
export type ModelChoices = z.infer<typeof modelChoicesSchema>;
