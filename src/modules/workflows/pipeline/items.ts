import { z } from 'zod';
import type { UserActor } from '../../../actor.js';
import { StepFailedError } from '../errors.js';
import { parseCsv } from './csv.js';

/** The most items one pipeline run goes over (each is a step row per step, and a DBOS workflow). */
export const maxPipelineItems = 10_000;

/**
 * Where a pipeline run's items come from: fields of its run input, exactly one source. Documents by
 * id, by a search, or by a tag are read one by one as their item starts (so an edited document is
 * read again by a retry); texts and rows are held in the run.
 */
export const pipelineSourceSchema = z
  .object({
    document_ids: z.array(z.string().min(1).max(100)).min(1).max(maxPipelineItems).optional(),
    query: z.string().trim().min(1).max(500).optional().describe('Your documents matching these words'),
    tag: z.string().trim().min(1).max(50).optional().describe('Your documents with this tag'),
    texts: z.array(z.string().max(1_000_000)).min(1).max(maxPipelineItems).optional(),
    file: z.string().min(1).max(100).optional().describe('A CSV or JSON document: each row is an item'),
    limit: z.number().int().min(1).max(maxPipelineItems).default(1_000).describe('At most this many items'),
    /** Set by retry-failed: the failed items of an earlier run, as they were resolved. */
    retry_items: z.array(z.record(z.string(), z.unknown())).min(1).max(maxPipelineItems).optional(),
  })
  .refine(
    (source) =>
      ['document_ids', 'query', 'tag', 'texts', 'file', 'retry_items'].filter(
        (key) => source[key as keyof typeof source] !== undefined,
      ).length === 1,
    { message: 'Give exactly one of document_ids, query, tag, texts or file' },
  );
export type PipelineSource = z.infer<typeof pipelineSourceSchema>;

/** The fields of the run input that name the items (the rest is the pipeline's own input). */
export const sourceFields = ['document_ids', 'query', 'tag', 'texts', 'file', 'limit', 'retry_items'];

/** An item as resolved at the start of a run: what it is, not yet its text (documents are read as they start). */
export type ItemRef =
  | { kind: 'document'; id: string; name?: string }
  | { kind: 'text'; text: string }
  | { kind: 'row'; row: Record<string, unknown>; file?: string };

/** What a step sees as `item`: its index, its text, and the document or row it came from. */
export interface PipelineItem {
  index: number;
  text: string;
  id?: string;
  name?: string;
  tags?: string[];
  row?: Record<string, unknown>;
  /** A row (or a text as `{ "text": … }`) as JSON text: tools clean every field of it in one call. */
  json?: string;
}

/** A document as a pipeline reads it. */
interface PipelineDocument {
  id: string;
  name: string;
  text: string | null;
  tags: string[];
  mime_type: string;
}

/** What pipelines read documents through (the resources service, acting as the run's user). */
export interface PipelineDocuments {
  list(
    actor: UserActor,
    query: { q?: string; tag?: string; scope?: 'mine'; limit?: number; cursor?: string },
  ): Promise<{ items: { id: string; name: string }[]; next_cursor: string | null }>;
  get(actor: UserActor, id: string): Promise<PipelineDocument>;
  /** The documents among `ids` the user can see, in one read (the others left out). */
  getMany(actor: UserActor, ids: string[]): Promise<PipelineDocument[]>;
  create(
    actor: UserActor,
    input: {
      kind: 'text';
      name: string;
      content: string;
      mime_type: 'text/markdown' | 'text/plain';
      tags: string[];
    },
  ): Promise<{ id: string }>;
}

/** The items of a source, in order (documents by reference). Throws a step failure for a bad source. */
export async function resolveItems(
  documents: PipelineDocuments,
  actor: UserActor,
  source: PipelineSource,
): Promise<ItemRef[]> {
  const { limit } = source;
  if (source.retry_items) return source.retry_items as ItemRef[];
  if (source.document_ids) return source.document_ids.slice(0, limit).map((id) => ({ kind: 'document', id }));
  if (source.texts) return source.texts.slice(0, limit).map((text) => ({ kind: 'text', text }));
  if (source.file) {
    const file = await documents.get(actor, source.file);
    return rowsOf(file.text ?? '', file.mime_type, file.name)
      .slice(0, limit)
      .map((row) => ({ kind: 'row', row, file: file.id }));
  }
  const found: ItemRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await documents.list(actor, {
      ...(source.query ? { q: source.query } : {}),
      ...(source.tag ? { tag: source.tag } : {}),
      scope: 'mine',
      limit: Math.min(100, limit - found.length),
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) found.push({ kind: 'document', id: item.id, name: item.name });
    cursor = page.next_cursor ?? undefined;
  } while (cursor && found.length < limit);
  return found.slice(0, limit);
}

/** An item as a step sees it: a document read now (as the run's user), a text, a row. */
export async function loadItem(
  documents: PipelineDocuments,
  actor: UserActor,
  ref: ItemRef,
  index: number,
): Promise<PipelineItem> {
  switch (ref.kind) {
    case 'document': {
      const document = await documents.get(actor, ref.id);
      return { index, id: document.id, name: document.name, tags: document.tags, text: document.text ?? '' };
    }
    case 'text':
      return { index, text: ref.text, json: JSON.stringify({ text: ref.text }) };
    case 'row':
      return { index, row: ref.row, text: rowText(ref.row), json: JSON.stringify(ref.row) };
  }
}

/**
 * Items made ready together (a chunk of a pipeline's items): their documents read in one query.
 * Gives each item, or the error that stops it (a document gone or not the user's: the same error
 * as reading it alone).
 */
export async function loadItems(
  documents: PipelineDocuments,
  actor: UserActor,
  batch: { ref: ItemRef; index: number }[],
): Promise<({ ok: true; item: PipelineItem } | { ok: false; error: unknown })[]> {
  const ids = batch.flatMap(({ ref }) => (ref.kind === 'document' ? [ref.id] : []));
  const found = new Map((await documents.getMany(actor, ids)).map((document) => [document.id, document]));
  return Promise.all(
    batch.map(async ({ ref, index }) => {
      try {
        if (ref.kind !== 'document')
          return { ok: true as const, item: await loadItem(documents, actor, ref, index) };
        const document = found.get(ref.id);
        // Read alone, for its own error (not found, never whose it is).
        if (!document) return { ok: true as const, item: await loadItem(documents, actor, ref, index) };
        const item: PipelineItem = {
          index,
          id: document.id,
          name: document.name,
          tags: document.tags,
          text: document.text ?? '',
        };
        return { ok: true as const, item };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
}

/** A short name for an item: the document's name, the start of the text, or the row's first values. */
export function itemLabel(ref: ItemRef, loaded?: PipelineItem): string {
  const text =
    ref.kind === 'document'
      ? (loaded?.name ?? ref.name ?? ref.id)
      : ref.kind === 'text'
        ? ref.text
        : rowText(ref.row);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat || '(empty)';
}

/** A row's values joined, as its text. */
function rowText(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(' ');
}

/** The rows of a CSV (first line: the header) or JSON (an array of objects, or `{ rows: [...] }`) document. */
export function rowsOf(text: string, mimeType: string, name: string): Record<string, unknown>[] {
  const looksJson = mimeType.includes('json') || /\.json$/i.test(name) || /^\s*[[{]/.test(text);
  if (looksJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StepFailedError('ITEMS_INVALID', `The document "${name}" is not valid JSON`);
    }
    const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
    if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object' || Array.isArray(row)))
      throw new StepFailedError(
        'ITEMS_INVALID',
        `The document "${name}" must hold a JSON array of objects (or { "rows": [...] })`,
      );
    return rows as Record<string, unknown>[];
  }
  const [header, ...lines] = parseCsv(text);
  if (!header) return [];
  return lines
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => Object.fromEntries(header.map((column, at) => [column, cells[at] ?? ''])));
}
