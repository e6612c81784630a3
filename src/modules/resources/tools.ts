import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import { ResourceNotFoundError } from './errors.js';
import { noteTypes, type Resource, visibilities } from './schema.js';
import type { ResourceService } from './service.js';
import { documentToolNames } from './tool-names.js';

/** The most text read_document returns at once; longer documents are read in parts with `offset`. */
const readChunk = 20_000;

const documentSummary = z.object({
  document_id: z.string(),
  uri: z.string(),
  name: z.string(),
  kind: z.enum(['text', 'file', 'url']),
  mime_type: z.string(),
  visibility: z.enum(visibilities),
  tags: z.array(z.string()),
  mine: z.boolean(),
  updated_at: z.string(),
});

function summarizeDocument(resource: Resource): z.infer<typeof documentSummary> {
  return {
    document_id: resource.id,
    uri: resource.uri,
    name: resource.name,
    kind: resource.kind,
    mime_type: resource.mime_type,
    visibility: resource.visibility,
    tags: resource.tags,
    mine: resource.mine,
    updated_at: resource.updated_at,
  };
}

/** Tools over the user's documents, for MCP clients and the assistant ("find my notes about …"). */
export function resourceTools(service: ResourceService): Tool[] {
  return [
    defineTool({
      name: documentToolNames.search,
      title: 'Search documents',
      toolset: 'Documents',
      description:
        'Full-text search over the user’s documents (notes, uploaded files, saved web pages) and the shared ones. Returns the best matches with the passage that matched (between « and »).',
      input: z.object({
        query: z.string().trim().min(1).max(500).describe('Words to look for'),
        limit: z.number().int().min(1).max(50).default(5),
      }),
      output: z.object({
        items: z.array(documentSummary.extend({ snippet: z.string() })),
      }),
      readOnly: true,
      async run(actor, { query, limit }) {
        const page = await service.list(actor, { q: query, limit });
        return {
          items: page.items.map((item) => ({ ...summarizeDocument(item), snippet: item.snippet ?? '' })),
        };
      },
      summarize: ({ items }) =>
        items.length === 0
          ? 'No documents match.'
          : items.map((item) => `- ${item.name} (id ${item.document_id}): ${item.snippet}`).join('\n'),
    }),
    defineTool({
      name: documentToolNames.read,
      title: 'Read a document',
      toolset: 'Documents',
      description: `Returns a document’s text (a note, or the text of a file or web page), up to ${readChunk} characters from \`offset\`; \`next_offset\` says where the rest starts.`,
      input: z.object({
        document_id: z.string().min(1).max(100),
        offset: z.number().int().min(0).default(0),
      }),
      output: z.object({
        document: documentSummary,
        text: z.string(),
        total_characters: z.number().int(),
        next_offset: z.number().int().nullable(),
      }),
      readOnly: true,
      async run(actor, { document_id, offset }) {
        const resource = await service.get(actor, document_id).catch((error: unknown) => {
          // The tool's argument is document_id: the error names it, not the service's resource_id.
          throw error instanceof ResourceNotFoundError
            ? new ResourceNotFoundError(document_id, 'document_id')
            : error;
        });
        const text = resource.text.slice(offset, offset + readChunk);
        const end = offset + text.length;
        return {
          document: summarizeDocument(resource),
          text,
          total_characters: resource.text.length,
          next_offset: end < resource.text.length ? end : null,
        };
      },
      summarize: ({ document, text, next_offset }) =>
        `${document.name}:\n${text}${next_offset === null ? '' : `\n(more from offset ${next_offset})`}`,
    }),
    defineTool({
      name: documentToolNames.createNote,
      title: 'Create a note',
      toolset: 'Documents',
      description: 'Saves a note (Markdown by default) among the user’s documents, searchable at once.',
      input: z.object({
        name: z.string().trim().min(1).max(255),
        content: z.string().max(1_000_000),
        mime_type: z.enum(noteTypes).default('text/markdown'),
        tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
        visibility: z.enum(visibilities).default('private'),
      }),
      output: z.object({ document: documentSummary }),
      async run(actor, { name, content, mime_type, tags, visibility }) {
        const created = await service.create(actor, {
          kind: 'text',
          name,
          content,
          mime_type,
          tags,
          visibility,
        });
        return { document: summarizeDocument(created) };
      },
      summarize: ({ document }) => `Saved the note "${document.name}" (id ${document.document_id}).`,
    }),
  ];
}

/** A document as the document tools return it. */
export type DocumentSummary = z.infer<typeof documentSummary>;
