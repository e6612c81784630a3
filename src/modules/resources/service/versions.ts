import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { requireUser } from '../../../actor-policy.js';
import { ResourceNotFoundError, ResourceVersionNotFoundError } from '../errors.js';
import { listedColumns, type ResourceRecord, toResourceView, toVersionView } from './rows.js';
import type { Resource, ResourceVersion, ResourceVersionWithText } from '../schema.js';
import { resources, resourceVersions } from '../table.js';

/** A resource locked for change, with its current content. */
type LockedResource = ResourceRecord & {
  text: string;
  content: Buffer | null;
};

/**
 * A resource's earlier versions: every content change first keeps the current content here, so
 * any version can be read again and restored (restoring is itself a change, so nothing is lost).
 */
export function createVersionHistory({
  db,
  clock,
  ids,
  bus,
  lockOwned,
}: ServiceDeps & {
  lockOwned: (transaction: Database, actor: Actor, resourceId: string) => Promise<LockedResource>;
}) {
  const history = {
    /** Keeps the locked resource's current content as a version, before it is replaced. */
    async keep(transaction: Database, actor: Actor, current: LockedResource): Promise<void> {
      const { userId } = requireUser(actor);
      await transaction.insert(resourceVersions).values({
        id: ids(),
        resourceId: current.id,
        version: current.version,
        name: current.name,
        mimeType: current.mimeType,
        text: current.text,
        content: current.content,
        sizeBytes: current.sizeBytes,
        createdBy: userId,
        createdAt: current.updatedAt,
      });
    },

    /** Every version, the current one first. */
    async list(resource: ResourceRecord): Promise<ResourceVersion[]> {
      const rows = await db
        .select({
          version: resourceVersions.version,
          name: resourceVersions.name,
          mimeType: resourceVersions.mimeType,
          sizeBytes: resourceVersions.sizeBytes,
          createdAt: resourceVersions.createdAt,
        })
        .from(resourceVersions)
        .where(eq(resourceVersions.resourceId, resource.id))
        .orderBy(desc(resourceVersions.version));
      return [toVersionView({ ...resource, createdAt: resource.updatedAt }), ...rows.map(toVersionView)];
    },

    async read(resource: ResourceRecord, version: number): Promise<ResourceVersionWithText> {
      if (version === resource.version) {
        const [current] = await db
          .select({ text: resources.text })
          .from(resources)
          .where(eq(resources.id, resource.id));
        if (!current) throw new ResourceNotFoundError(resource.id);
        return { ...toVersionView({ ...resource, createdAt: resource.updatedAt }), text: current.text };
      }
      const [row] = await db
        .select()
        .from(resourceVersions)
        .where(and(eq(resourceVersions.resourceId, resource.id), eq(resourceVersions.version, version)));
      if (!row) throw new ResourceVersionNotFoundError(resource.id, version);
      return { ...toVersionView(row), text: row.text };
    },

    /** Makes an earlier version's content current again, as a new version. */
    async restore(actor: Actor, resourceId: string, version: number): Promise<Resource> {
      const { userId } = requireUser(actor);
      const row = await db.transaction(async (transaction) => {
        const locked = await lockOwned(transaction, actor, resourceId);
        const [earlier] = await transaction
          .select()
          .from(resourceVersions)
          .where(and(eq(resourceVersions.resourceId, resourceId), eq(resourceVersions.version, version)));
        if (!earlier) throw new ResourceVersionNotFoundError(resourceId, version);
        await history.keep(transaction, actor, locked);
        const [restored] = await transaction
          .update(resources)
          .set({
            name: earlier.name,
            mimeType: earlier.mimeType,
            text: earlier.text,
            content: earlier.content,
            sizeBytes: earlier.sizeBytes,
            version: locked.version + 1,
            updatedAt: clock.now(),
          })
          .where(eq(resources.id, resourceId))
          .returning(listedColumns);
        if (!restored) throw new ResourceNotFoundError(resourceId);
        return restored;
      });
      const shared = row.visibility === 'shared';
      await bus.publish(actor, 'resource.updated', {
        resource_id: resourceId,
        owner_id: userId,
        shared,
        was_shared: shared,
        changes: ['content', 'restored'],
      });
      return toResourceView(row, userId);
    },
  };
  return history;
}
