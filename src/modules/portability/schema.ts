import { z } from 'zod';
import { agentFileSchema } from '../agents/index.js';
import { contextKeySchema, contextValueSchema } from '../context/index.js';
import { portableMemorySchema } from '../memory/index.js';

/** How many items of each section one file may hold (beyond: 413 EXPORT_FILE_TOO_LARGE naming it). */
export const exportFileLimits = {
  memories: 100_000,
  context_spaces: 1_000,
  entries_per_space: 10_000,
  agents: 1_000,
  workflows: 1_000,
} as const;

const exportedId = z.string().min(1).max(100).describe('Its id where it was exported (a reference only)');

export const portableContextSpaceSchema = z
  .object({
    id: exportedId,
    name: z.string().trim().min(1).max(200),
    entries: z
      .array(z.object({ key: contextKeySchema, value: contextValueSchema }))
      .describe('The current value of each entry (deleted entries and history are not exported)'),
  })
  .meta({ id: 'PortableContextSpace' });
export type PortableContextSpace = z.infer<typeof portableContextSpaceSchema>;

export const portableAgentSchema = z
  .object({ id: exportedId, file: agentFileSchema })
  .meta({ id: 'PortableAgent' });
export type PortableAgent = z.infer<typeof portableAgentSchema>;

export const portableWorkflowSchema = z
  .object({
    id: exportedId,
    definition: z
      .record(z.string(), z.unknown())
      .describe('The workflow definition, as GET /api/v1/workflows/{id}/export writes it'),
  })
  .meta({ id: 'PortableWorkflow' });
export type PortableWorkflow = z.infer<typeof portableWorkflowSchema>;

/**
 * One user's data as one JSON file (GET /api/v1/me/export, POST /api/v1/me/import): their
 * memories, their own context spaces with their entries' current values, their agents and their
 * workflows. Ids are references inside the file; an import gives everything new ids.
 */
export const exportFileSchema = z
  .object({
    format: z.literal('switchboard.export').describe('Always switchboard.export'),
    format_version: z.literal(1),
    exported_at: z.iso.datetime({ offset: true }).describe('ISO 8601'),
    memories: z.array(portableMemorySchema).default([]),
    context_spaces: z.array(portableContextSpaceSchema).default([]),
    agents: z.array(portableAgentSchema).default([]),
    workflows: z.array(portableWorkflowSchema).default([]),
  })
  .meta({ id: 'ExportFile' });
export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export * from './report-schema.js';
