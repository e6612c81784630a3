import { and, arrayContains, desc, eq, inArray, like, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { cursorPosition, pageFrom } from '../../db/cursor.js';
import type { Database } from '../../db/database.js';
import { escapeLike } from '../../db/like.js';
import { fetchUrl, type FetchPolicy } from '../../net/fetch-url.js';
import type { ServiceDeps } from '../../service-deps.js';
import { requireUser } from '../../actor-policy.js';
import {
  type InspectedContent,
  inspectContent,
  noteContent,
  type PdfTextExtractor,
} from './service/content.js';
import { ResourceNotFoundError, ResourceReadOnlyError, WrongResourceKindError } from './errors.js';
import {
  contentColumns,
  listedColumns,
  type ResourceRecord,
  toResourceView,
  visibleTo,
} from './service/rows.js';
import {
  type CreateResourceInput,
  createResourceInputSchema,
  type ListResourcesQuery,
  listResourcesQuerySchema,
  type Resource,
  type ResourcePage,
  type ResourceWithText,
  type UpdateResourceInput,
  updateResourceInputSchema,
  type UploadFields,
  uploadFieldsSchema,
} from './schema.js';
import { searchResources } from './service/search.js';
import { resources, resourceVersions } from './table.js';
import { createVersionHistory } from './service/versions.js';
import type { FeatureGate } from '../../features/index.js';
import './events.js';

export interface ResourceServiceDeps extends ServiceDeps {
  fetchPolicy: FetchPolicy;
  /** URL documents are refused (FEATURE_DISABLED) while an admin has them switched off. */
  features: FeatureGate;
  /** Reads PDF text for search; PDFs are kept unsearchable without it. */
  extractPdfText?: PdfTextExtractor | undefined;
}

/** An uploaded file as it arrived. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/**
 * Documents: notes, uploaded files and fetched web pages. Each user sees their own and the shared
 * ones; only the owner changes one. Every content change keeps the previous version.
 */
export function createResourceService(deps: ResourceServiceDeps) {
  const { db, clock, ids, bus, fetchPolicy, extractPdfText, features } = deps;

  async function loadVisible(actor: Actor, resourceId: string): Promise<ResourceRecord> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select(listedColumns)
      .from(resources)
      .where(and(eq(resources.id, resourceId), visibleTo(userId)));
    if (!row) throw new ResourceNotFoundError(resourceId);
    return row;
  }

  /** The resource, locked for change; someone else's shared one can be read but not changed. */
  async function lockOwned(transaction: Database, actor: Actor, resourceId: string) {
    const { userId } = requireUser(actor);
    const [row] = await transaction
      .select({ ...listedColumns, ...contentColumns })
      .from(resources)
      .where(and(eq(resources.id, resourceId), visibleTo(userId)))
      .for('update');
    if (!row) throw new ResourceNotFoundError(resourceId);
    if (row.ownerId !== userId) throw new ResourceReadOnlyError(resourceId);
    return row;
  }

  async function fetchPage(url: string): Promise<InspectedContent & { finalUrl: string; title?: string }> {
    const fetched = await fetchUrl(url, fetchPolicy);
    const filename = new URL(fetched.url).pathname.split('/').pop() ?? '';
    const inspected = await inspectContent(fetched.body, {
      filename,
      declaredType: fetched.contentType,
      extractPdfText,
    });
    const title =
      inspected.mimeType === 'text/html'
        ? /<title[^>]*>([^<]{1,255})/i.exec(fetched.body.toString())?.[1]
        : undefined;
    return { ...inspected, finalUrl: fetched.url, title: title?.trim() || undefined };
  }

  async function insert(
    actor: Actor,
    values: Omit<typeof resources.$inferInsert, 'id' | 'ownerId' | 'version' | 'createdAt' | 'updatedAt'>,
  ): Promise<Resource> {
    const { userId } = requireUser(actor);
    const now = clock.now();
    const [row] = await db
      .insert(resources)
      .values({ ...values, id: ids(), ownerId: userId, version: 1, createdAt: now, updatedAt: now })
      .returning(listedColumns);
    if (!row) throw new Error('The resource was not stored');
    await bus.publish(actor, 'resource.created', {
      resource_id: row.id,
      owner_id: userId,
      shared: row.visibility === 'shared',
    });
    return toResourceView(row, userId);
  }

  const history = createVersionHistory({ db, clock, ids, bus, lockOwned });

  return {
    async create(actor: Actor, input: CreateResourceInput): Promise<Resource> {
      requireUser(actor);
      const parsed = createResourceInputSchema.parse(input);
      const { description, tags, visibility, metadata } = parsed;
      const common = { description: description ?? null, tags, visibility, metadata };
      if (parsed.kind === 'text') {
        const note = noteContent(parsed.content, parsed.mime_type);
        return insert(actor, { ...common, kind: 'text', name: parsed.name, ...note });
      }
      await features.require('url_documents');
      const page = await fetchPage(parsed.url);
      return insert(actor, {
        ...common,
        kind: 'url',
        name: parsed.name ?? page.title ?? parsed.url,
        sourceUrl: parsed.url,
        fetchedAt: clock.now(),
        mimeType: page.mimeType,
        text: page.text,
        content: page.content,
        sizeBytes: page.sizeBytes,
      });
    },

    async upload(actor: Actor, file: UploadedFile, fields: UploadFields): Promise<Resource> {
      requireUser(actor);
      const { name, description, tags, visibility, metadata } = uploadFieldsSchema.parse(fields);
      const inspected = await inspectContent(file.bytes, { filename: file.filename, extractPdfText });
      return insert(actor, {
        kind: 'file',
        name: name ?? file.filename,
        filename: file.filename,
        description: description ?? null,
        tags,
        visibility,
        metadata,
        ...inspected,
      });
    },

    /** Yours and the shared ones, newest first — or, with `q`, best match first with snippets. */
    async list(actor: Actor, query: ListResourcesQuery): Promise<ResourcePage> {
      const { userId } = requireUser(actor);
      const { q, kind, tag, scope, limit, cursor } = listResourcesQuerySchema.parse(query);
      const conditions: (SQL | undefined)[] = [
        scope === 'mine'
          ? eq(resources.ownerId, userId)
          : scope === 'shared'
            ? and(eq(resources.visibility, 'shared'), ne(resources.ownerId, userId))
            : visibleTo(userId),
      ];
      if (kind) conditions.push(eq(resources.kind, kind));
      if (tag) conditions.push(arrayContains(resources.tags, [tag]));
      if (q) return searchResources(db, { userId, conditions, q, limit, cursor });
      if (cursor) conditions.push(lt(resources.id, cursorPosition(cursor)));
      const rows = await db
        .select(listedColumns)
        .from(resources)
        .where(and(...conditions))
        .orderBy(desc(resources.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, (row) => toResourceView(row, userId));
      return { items, next_cursor: nextCursor };
    },

    async get(actor: Actor, resourceId: string): Promise<ResourceWithText> {
      const { userId } = requireUser(actor);
      const [row] = await db
        .select({ ...listedColumns, text: resources.text })
        .from(resources)
        .where(and(eq(resources.id, resourceId), visibleTo(userId)));
      if (!row) throw new ResourceNotFoundError(resourceId);
      return { ...toResourceView(row, userId), text: row.text };
    },

    /**
     * The resources among `resourceIds` the actor can see, with their text, in one query (a
     * pipeline reads a batch of its documents at once); the others are left out, unconfirmed.
     */
    async getMany(actor: Actor, resourceIds: string[]): Promise<ResourceWithText[]> {
      const { userId } = requireUser(actor);
      if (resourceIds.length === 0) return [];
      const rows = await db
        .select({ ...listedColumns, text: resources.text })
        .from(resources)
        .where(and(inArray(resources.id, resourceIds), visibleTo(userId)));
      return rows.map((row) => ({ ...toResourceView(row, userId), text: row.text }));
    },

    /** The resource with its text and its own bytes (the file, the page; a note's bytes are its text). */
    async content(
      actor: Actor,
      resourceId: string,
    ): Promise<{ resource: Resource; text: string; bytes: Buffer }> {
      const { userId } = requireUser(actor);
      const [row] = await db
        .select({ ...listedColumns, text: resources.text, content: resources.content })
        .from(resources)
        .where(and(eq(resources.id, resourceId), visibleTo(userId)));
      if (!row) throw new ResourceNotFoundError(resourceId);
      return {
        resource: toResourceView(row, userId),
        text: row.text,
        bytes: row.content ?? Buffer.from(row.text),
      };
    },

    async update(actor: Actor, resourceId: string, input: UpdateResourceInput): Promise<Resource> {
      const changes = updateResourceInputSchema.parse(input);
      const { userId } = requireUser(actor);
      const { before, row } = await db.transaction(async (transaction) => {
        const locked = await lockOwned(transaction, actor, resourceId);
        const newContent = changes.content !== undefined || changes.mime_type !== undefined;
        if (newContent && locked.kind !== 'text')
          throw new WrongResourceKindError(
            'Only notes (kind text) take new content; upload a new file instead',
            {
              field: 'content',
            },
          );
        if (newContent) await history.keep(transaction, actor, locked);
        const note = newContent
          ? noteContent(changes.content ?? locked.text, changes.mime_type ?? locked.mimeType)
          : undefined;
        const [updated] = await transaction
          .update(resources)
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.description !== undefined && { description: changes.description }),
            ...(changes.tags !== undefined && { tags: changes.tags }),
            ...(changes.visibility !== undefined && { visibility: changes.visibility }),
            ...(changes.metadata !== undefined && { metadata: changes.metadata }),
            ...(note && { ...note, version: locked.version + 1 }),
            updatedAt: clock.now(),
          })
          .where(eq(resources.id, resourceId))
          .returning(listedColumns);
        if (!updated) throw new ResourceNotFoundError(resourceId);
        return { before: locked, row: updated };
      });
      await bus.publish(actor, 'resource.updated', {
        resource_id: resourceId,
        owner_id: userId,
        shared: row.visibility === 'shared',
        was_shared: before.visibility === 'shared',
        changes: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined),
      });
      return toResourceView(row, userId);
    },

    /** Fetches a URL resource again; a changed page becomes a new version. */
    async refresh(actor: Actor, resourceId: string): Promise<Resource> {
      const { userId } = requireUser(actor);
      const current = await loadVisible(actor, resourceId);
      if (current.ownerId !== userId) throw new ResourceReadOnlyError(resourceId);
      if (current.kind !== 'url' || !current.sourceUrl)
        throw new WrongResourceKindError('Only URL resources can be refreshed');
      await features.require('url_documents');
      const page = await fetchPage(current.sourceUrl);
      const { row, changed } = await db.transaction(async (transaction) => {
        const locked = await lockOwned(transaction, actor, resourceId);
        const same = locked.text === page.text && sameBytes(locked.content, page.content);
        if (!same) await history.keep(transaction, actor, locked);
        const [updated] = await transaction
          .update(resources)
          .set({
            fetchedAt: clock.now(),
            ...(!same && {
              mimeType: page.mimeType,
              text: page.text,
              content: page.content,
              sizeBytes: page.sizeBytes,
              version: locked.version + 1,
              updatedAt: clock.now(),
            }),
          })
          .where(eq(resources.id, resourceId))
          .returning(listedColumns);
        if (!updated) throw new ResourceNotFoundError(resourceId);
        return { row: updated, changed: !same };
      });
      if (changed)
        await bus.publish(actor, 'resource.updated', {
          resource_id: resourceId,
          owner_id: userId,
          shared: row.visibility === 'shared',
          was_shared: row.visibility === 'shared',
          changes: ['content'],
        });
      return toResourceView(row, userId);
    },

    async delete(actor: Actor, resourceId: string): Promise<void> {
      const { userId } = requireUser(actor);
      const current = await loadVisible(actor, resourceId);
      if (current.ownerId !== userId) throw new ResourceReadOnlyError(resourceId);
      await db.delete(resources).where(and(eq(resources.id, resourceId), eq(resources.ownerId, userId)));
      await bus.publish(actor, 'resource.deleted', {
        resource_id: resourceId,
        owner_id: userId,
        shared: current.visibility === 'shared',
      });
    },

    versions: async (actor: Actor, resourceId: string) => history.list(await loadVisible(actor, resourceId)),
    version: async (actor: Actor, resourceId: string, version: number) =>
      history.read(await loadVisible(actor, resourceId), version),
    restore: (actor: Actor, resourceId: string, version: number) =>
      history.restore(actor, resourceId, version),

    /** Ids of the resources the actor can see that start with `prefix`, newest first (for completion). */
    async idsStartingWith(actor: Actor, prefix: string, limit = 20): Promise<string[]> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select({ id: resources.id })
        .from(resources)
        .where(and(visibleTo(userId), like(resources.id, `${escapeLike(prefix)}%`)))
        .orderBy(desc(resources.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    async stats(actor: Actor) {
      const { userId } = requireUser(actor);
      const byKind = await db
        .select({
          kind: resources.kind,
          count: sql<number>`count(*)::int`,
          shared: sql<number>`count(*) filter (where ${resources.visibility} = 'shared')::int`,
          bytes: sql<number>`coalesce(sum(${resources.sizeBytes}), 0)::bigint`,
        })
        .from(resources)
        .where(eq(resources.ownerId, userId))
        .groupBy(resources.kind);
      const [versions] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(resourceVersions)
        .innerJoin(resources, eq(resources.id, resourceVersions.resourceId))
        .where(eq(resources.ownerId, userId));
      const [others] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(resources)
        .where(and(eq(resources.visibility, 'shared'), ne(resources.ownerId, userId)));
      const counts = { text: 0, file: 0, url: 0 };
      for (const row of byKind) counts[row.kind] = row.count;
      return {
        mine: {
          total: byKind.reduce((sum, row) => sum + row.count, 0),
          by_kind: counts,
          shared: byKind.reduce((sum, row) => sum + row.shared, 0),
          bytes: byKind.reduce((sum, row) => sum + Number(row.bytes), 0),
          versions: versions?.count ?? 0,
        },
        shared_with_me: others?.count ?? 0,
      };
    },
  };
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}

export type ResourceService = ReturnType<typeof createResourceService>;
