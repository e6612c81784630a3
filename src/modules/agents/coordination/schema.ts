import { z } from 'zod';
import { unavailableAgentSchema } from '../service/match.js';

export const coordinateInputSchema = z.object({
  goal: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .describe('What to get done; several sentences become several parts'),
  timeout_ms: z
    .number()
    .int()
    .min(1_000)
    .max(600_000)
    .default(120_000)
    .describe(
      'How long each part’s agent run is waited for (through its waits for approval), and about how long the answer waits for the coordination',
    ),
});
export type CoordinateInput = z.input<typeof coordinateInputSchema>;

export const coordinationStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type CoordinationStatus = (typeof coordinationStatuses)[number];

export const coordinationPartSchema = z.object({
  part: z.string(),
  agent: z.string().nullable(),
  run_id: z.string().nullable(),
  message_id: z.string().nullable(),
  status: z
    .string()
    .describe('`pending` until handed out, then its agent run’s status; `unmatched` when no agent fits'),
  output: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type CoordinationPart = z.infer<typeof coordinationPartSchema>;

export const coordinationSchema = z.object({
  id: z.string().describe('The coordination (`coord_…`), also the correlation id of its messages'),
  correlation_id: z.string(),
  status: z
    .enum(coordinationStatuses)
    .describe('`succeeded` once every part ended or its wait ran out (each part has its own status)'),
  goal: z.string(),
  parts: z.array(coordinationPartSchema),
  unavailable: z
    .array(unavailableAgentSchema)
    .describe('Agents that matched a part but were left out: their model or tools are down'),
  report: z.string().nullable().describe('The answers part by part, once it ended'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});
export type Coordination = z.infer<typeof coordinationSchema>;

export const coordinationListSchema = z.object({ items: z.array(coordinationSchema) });

export const getCoordinationQuerySchema = z.object({
  wait_ms: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(0)
    .describe('Wait up to this long for the coordination to end'),
});
