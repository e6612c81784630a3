import { and, eq, notInArray } from 'drizzle-orm';
import { systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import { canonicalJson } from '../../../canonical-json.js';
import type { Database } from '../../../db/database.js';
import { isUniqueViolation } from '../../../db/errors.js';
import type { IdGenerator } from '../../../ids.js';
import type { FilePrompt } from './prompt-files.js';
import { prompts, promptVersions } from '../table.js';

const sameContent = (row: typeof prompts.$inferSelect, file: FilePrompt) =>
  row.template === file.template &&
  row.title === (file.title ?? null) &&
  row.description === (file.description ?? null) &&
  canonicalJson(row.arguments) === canonicalJson(file.arguments) &&
  JSON.stringify(row.tags) === JSON.stringify(file.tags);

/**
 * Makes the file prompts in the database match the files: new files are added, changed ones get a
 * new version, removed ones are deleted. They are shared with everyone and read-only in the app.
 */
export async function syncPromptFiles({
  db,
  clock,
  ids,
  bus,
  files,
}: {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  bus: EventBus;
  files: FilePrompt[];
}) {
  const existing = await db.select().from(prompts).where(eq(prompts.source, 'file'));
  const byName = new Map(existing.map((row) => [row.name, row]));
  const now = clock.now();
  for (const file of files) {
    const row = byName.get(file.name);
    if (row && sameContent(row, file)) continue;
    const version = (row?.version ?? 0) + 1;
    const content = {
      title: file.title ?? null,
      description: file.description ?? null,
      template: file.template,
      arguments: file.arguments,
    };
    const promptId = row?.id ?? ids();
    const stored = await db
      .transaction(async (transaction) => {
        if (row)
          await transaction
            .update(prompts)
            .set({ ...content, tags: file.tags, version, updatedAt: now })
            .where(eq(prompts.id, row.id));
        else
          await transaction.insert(prompts).values({
            id: promptId,
            ownerId: null,
            source: 'file',
            name: file.name,
            ...content,
            tags: file.tags,
            visibility: 'shared',
            version,
            useCount: 0,
            recentValues: {},
            createdAt: now,
            updatedAt: now,
          });
        await transaction
          .insert(promptVersions)
          .values({ id: ids(), promptId, version, ...content, createdBy: 'file', createdAt: now });
      })
      .then(
        () => true,
        (error: unknown) => {
          if (isUniqueViolation(error)) return false; // another instance loaded the same file a moment ago
          throw error;
        },
      );
    if (!stored) continue;
    await bus.publish(systemActor, row ? 'prompt.updated' : 'prompt.created', {
      prompt_id: promptId,
      owner_id: null,
      version,
      shared: true,
    });
  }
  const names = files.map((file) => file.name);
  const removed = await db
    .delete(prompts)
    .where(and(eq(prompts.source, 'file'), names.length > 0 ? notInArray(prompts.name, names) : undefined))
    .returning({ id: prompts.id });
  for (const { id } of removed)
    await bus.publish(systemActor, 'prompt.deleted', { prompt_id: id, owner_id: null, shared: true });
}
