import { z } from 'zod';
import { timeZoneSchema } from '../../time-zone.js';

const id = z.string().min(1).max(100);

export const chatRequestSchema = z
  .object({
    conversation_id: id.optional().describe('Continue this conversation; absent starts a new one'),
    message: z.string().trim().min(1).max(100_000).optional().describe("The user's message"),
    parent_id: id
      .nullable()
      .optional()
      .describe('Edit: the new message branches from this one (null: a new first message)'),
    regenerate: id.optional().describe('Write this assistant reply again, as a new branch'),
    approvals: z
      .array(z.object({ approval_id: id, approved: z.boolean() }))
      .min(1)
      .max(50)
      .optional()
      .describe('Answers to tool calls waiting for approval; the reply then goes on'),
    model: z.string().min(1).max(200).optional().describe('A model id from GET /api/v1/models'),
    time_zone: timeZoneSchema
      .optional()
      .describe(
        'The user’s time zone (the browser’s); the built-in assistant reads dates in it unless the profile sets one',
      ),
  })
  .refine(
    (body) =>
      [body.message, body.regenerate, body.approvals].filter((value) => value !== undefined).length === 1,
    {
      message: 'Send exactly one of message, regenerate or approvals',
      path: ['message'],
    },
  )
  .refine((body) => body.parent_id === undefined || body.conversation_id !== undefined, {
    message: 'parent_id needs a conversation_id',
    path: ['conversation_id'],
  })
  .refine((body) => body.message !== undefined || body.conversation_id !== undefined, {
    message: 'regenerate and approvals need a conversation_id',
    path: ['conversation_id'],
  });
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const chatResultSchema = z
  .object({
    conversation_id: z.string(),
    message_id: z.string().describe("The assistant reply's id"),
    status: z.enum(['complete', 'awaiting_approval', 'interrupted', 'error']),
    response: z.string().describe("The reply's text"),
    tool_calls: z.array(
      z.object({
        tool: z.string(),
        args: z.unknown(),
        result: z.unknown(),
        status: z.enum(['success', 'error', 'denied', 'awaiting_approval', 'running']),
        approval_id: z.string().optional(),
      }),
    ),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'ChatResult' });
export type ChatResult = z.infer<typeof chatResultSchema>;
