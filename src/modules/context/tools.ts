import { z } from 'zod';
import { defineTool, type Tool, type ToolContext } from '../../tools/tool.js';
import type { UserActor } from '../../actor.js';
import {
  contextKeySchema,
  createSpaceInputSchema,
  entryPageSchema,
  entrySchema,
  historyInputSchema,
  historyPageSchema,
  listEntriesInputSchema,
  listSpacesInputSchema,
  patchEntryInputSchema,
  restoreEntryInputSchema,
  setEntryInputSchema,
  spacePageSchema,
  spaceSchema,
  deleteEntryInputSchema,
} from './schema.js';
import type { ContextService } from './service.js';
import { contextToolNames } from './tool-names.js';

const space = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('The context space id; a workflow run’s steps may leave it out to use the run’s own space');
const keyed = z.object({ space, key: contextKeySchema });
const entryOutput = z.object({ entry: entrySchema });
const describeEntry = (entry: z.infer<typeof entrySchema>) =>
  `${entry.key} (version ${entry.version}${entry.deleted ? ', deleted' : ''})`;

/** Which space a call means: the named one, or its run's own. */
const spaceOf = (
  service: ContextService,
  actor: UserActor,
  named: string | undefined,
  context: ToolContext,
) => service.resolveSpaceId(actor, named, context.runContext);

/** The shared context's tools: what agents, workflow steps, MCP clients and the chat read and write together. */
export function contextTools(service: ContextService): Tool[] {
  const { entries, spaces } = service;
  return [
    defineTool({
      name: contextToolNames.get,
      title: 'Read a context entry',
      toolset: 'Shared context',
      description:
        'Reads the JSON value under a key of a shared context space, with its version (pass it as if_version when writing it back).',
      input: keyed,
      output: entryOutput,
      readOnly: true,
      run: async (actor, { space, key }, context) => ({
        entry: await entries.get(actor, await spaceOf(service, actor, space, context), key),
      }),
      summarize: ({ entry }) => `${describeEntry(entry)}: ${JSON.stringify(entry.value)}`,
    }),
    defineTool({
      name: contextToolNames.set,
      title: 'Write a context entry',
      toolset: 'Shared context',
      description:
        'Sets the JSON value under a key (like findings/market) of a shared context space. With if_version the write happens only if nobody wrote since that version; otherwise it fails with CONTEXT_CONFLICT: read the entry again and retry.',
      input: keyed.extend(setEntryInputSchema.shape),
      output: entryOutput,
      run: async (actor, { space, key, ...input }, context) => ({
        entry: await entries.set(actor, await spaceOf(service, actor, space, context), key, input, {
          idempotencyKey: context.idempotencyKey,
        }),
      }),
      summarize: ({ entry }) => `Wrote ${describeEntry(entry)}.`,
    }),
    defineTool({
      name: contextToolNames.patch,
      title: 'Merge into a context entry',
      toolset: 'Shared context',
      description:
        'Changes some fields of an entry’s JSON object with a JSON Merge Patch (null removes a field). With if_version, changes others made since are kept when they touch other fields; fields both changed differently fail with CONTEXT_CONFLICT naming them.',
      input: keyed.extend(patchEntryInputSchema.shape),
      output: entryOutput,
      run: async (actor, { space, key, ...input }, context) => ({
        entry: await entries.patch(actor, await spaceOf(service, actor, space, context), key, input, {
          idempotencyKey: context.idempotencyKey,
        }),
      }),
      summarize: ({ entry }) => `Merged into ${describeEntry(entry)}.`,
    }),
    defineTool({
      name: contextToolNames.delete,
      title: 'Delete a context entry',
      toolset: 'Shared context',
      description:
        'Deletes an entry (its history is kept until the retention period ends; it can be restored).',
      input: keyed.extend(deleteEntryInputSchema.shape),
      output: entryOutput,
      destructive: true,
      run: async (actor, { space, key, ...input }, context) => ({
        entry: await entries.delete(actor, await spaceOf(service, actor, space, context), key, input, {
          idempotencyKey: context.idempotencyKey,
        }),
      }),
      summarize: ({ entry }) => `Deleted ${describeEntry(entry)}.`,
    }),
    defineTool({
      name: contextToolNames.list,
      title: 'List context entries',
      toolset: 'Shared context',
      description:
        'Lists the entries of a shared context space in key order, optionally those under a prefix (findings/). Pass next_cursor back as cursor for the next page.',
      input: listEntriesInputSchema.extend({ space }),
      output: entryPageSchema,
      readOnly: true,
      run: async (actor, { space, ...input }, context) =>
        entries.list(actor, await spaceOf(service, actor, space, context), input),
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'No entries.'
          : `${items.map((entry) => `- ${describeEntry(entry)}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
    defineTool({
      name: contextToolNames.history,
      title: 'Context entry history',
      toolset: 'Shared context',
      description:
        'The versions of an entry, newest first: who wrote each, when, its value and what changed (RFC 6902 operations).',
      input: keyed.extend(historyInputSchema.shape),
      output: historyPageSchema,
      readOnly: true,
      run: async (actor, { space, key, ...input }, context) =>
        entries.history(actor, await spaceOf(service, actor, space, context), key, input),
      summarize: ({ items }) =>
        items
          .map(
            (version) =>
              `- version ${version.version}: ${version.change} by ${version.author_id ?? 'unknown'} at ${version.created_at}`,
          )
          .join('\n'),
    }),
    defineTool({
      name: contextToolNames.restore,
      title: 'Restore a context entry',
      toolset: 'Shared context',
      description:
        'Makes an old version’s value the entry’s value again (as a new version; nothing is lost).',
      input: keyed.extend(restoreEntryInputSchema.shape),
      output: entryOutput,
      run: async (actor, { space, key, ...input }, context) => ({
        entry: await entries.restore(actor, await spaceOf(service, actor, space, context), key, input, {
          idempotencyKey: context.idempotencyKey,
        }),
      }),
      summarize: ({ entry }) => `Restored ${describeEntry(entry)}.`,
    }),
    defineTool({
      name: contextToolNames.listSpaces,
      title: 'List context spaces',
      toolset: 'Shared context',
      description:
        'Lists the shared context spaces the user owns or is a member of, newest first, with their role.',
      input: listSpacesInputSchema,
      output: spacePageSchema,
      readOnly: true,
      run: (actor, input) => spaces.list(actor, input),
      summarize: ({ items }) =>
        items.length === 0
          ? 'No context spaces.'
          : items.map((item) => `- ${item.name} (${item.role}, id ${item.id})`).join('\n'),
    }),
    defineTool({
      name: contextToolNames.createSpace,
      title: 'Create a context space',
      toolset: 'Shared context',
      description: 'Creates a shared context space owned by the user. Returns it with its id.',
      input: createSpaceInputSchema,
      output: z.object({ space: spaceSchema }),
      run: async (actor, input) => ({ space: await spaces.create(actor, input) }),
      summarize: ({ space }) => `Created the context space ${space.name} (id ${space.id}).`,
    }),
  ];
}
