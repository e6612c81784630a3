import { z } from 'zod';

const content = z
  .union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()), z.null()])
  .describe('Text, or content parts of which the text ones are read');

/** The body of the OpenAI-compatible POST /v1/chat/completions (the fields Switchboard reads). */
export const completionRequestSchema = z
  .object({
    model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('A model id from GET /api/v1/models, or "switchboard" for the default'),
    messages: z
      .array(
        z
          .object({
            role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
            content: content.optional(),
          })
          .loose(),
      )
      .min(1)
      .max(1000),
    stream: z.boolean().default(false),
  })
  .loose();
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

/** The text of an OpenAI message's content. */
export function contentText(value: z.infer<typeof content> | undefined): string {
  if (typeof value === 'string') return value;
  return (value ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** A whole (not streamed) completion, as OpenAI's API answers; usage adds tokens_per_second. */
export const completionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string() }),
        finish_reason: z.string(),
      }),
    ),
    usage: z.object({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      total_tokens: z.number(),
      tokens_per_second: z.number().nullable(),
    }),
  })
  .meta({ id: 'ChatCompletion' });

/** GET /v1/models as OpenAI's API answers it: the models this user may pick, for clients to list. */
export const openAiModelListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z.object({
        id: z.string().describe('The id to pass as `model` to POST /v1/chat/completions'),
        object: z.literal('model'),
        created: z.number().int().describe('Unix seconds: when this server started offering it'),
        owned_by: z.string().describe('Its provider; "switchboard" for the built-in assistant'),
      }),
    ),
  })
  .meta({ id: 'OpenAiModelList' });
export type OpenAiModelList = z.infer<typeof openAiModelListSchema>;
