import { createTwoFilesPatch } from 'diff';
import { and, arrayContains, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { escapeLike } from '../../db/like.js';
import { cursorPosition, pageFrom } from '../../db/cursor.js';
import { isUniqueViolation } from '../../db/errors.js';
import { ForbiddenError } from '../../errors.js';
import type { ServiceDeps } from '../../service-deps.js';
import { requireUser } from '../../actor-policy.js';
import { PromptNameTakenError, PromptNotFoundError, PromptVersionNotFoundError } from './errors.js';
import {
  type CreatePromptInput,
  createPromptInputSchema,
  type ListPromptsQuery,
  listPromptsQuerySchema,
  type Prompt,
  type PromptPage,
  type PromptVersion,
  type UpdatePromptInput,
  updatePromptInputSchema,
} from './schema.js';
import { type PromptRow, prompts, promptVersions } from './table.js';
import { checkTemplate, renderTemplate } from './service/template.js';
import './events.js';

/** How many recent values per argument are kept to suggest in completions. */
const recentKept = 10;

/** A prompt as the viewer sees it. */
export function toPromptView(row: PromptRow, viewerId: string): Prompt {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    description: row.description,
    template: row.template,
    arguments: row.arguments,
    tags: row.tags,
    visibility: row.visibility,
    version: row.version,
    use_count: row.useCount,
    mine: row.ownerId === viewerId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * The prompt library: each user's prompts and everyone's shared ones, rendered with Mustache.
 * Every change is a new version; any version can be read, compared or restored.
 */
export function createPromptService({ db, clock, ids, bus }: ServiceDeps) {
  const visibleTo = (userId: string) => or(eq(prompts.ownerId, userId), eq(prompts.visibility, 'shared'));

  async function loadVisible(actor: Actor, promptId: string): Promise<PromptRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(prompts)
      .where(and(eq(prompts.id, promptId), visibleTo(userId)));
    if (!row) throw new PromptNotFoundError(promptId);
    return row;
  }

  async function loadOwned(actor: Actor, promptId: string): Promise<PromptRow> {
    const row = await loadVisible(actor, promptId);
    if (row.source === 'file') {
      throw new ForbiddenError(
        'PROMPT_READ_ONLY',
        `This prompt comes from ${row.name}.md in PROMPTS_DIR: edit the file`,
      );
    }
    if (row.ownerId !== requireUser(actor).userId)
      throw new ForbiddenError(
        'NOT_PROMPT_OWNER',
        'Only the owner changes a shared prompt; copy it to make your own',
      );
    return row;
  }

  const renamedOrTaken = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'prompts_owner_name_idx') ? new PromptNameTakenError(name) : error;
  };

  return {
    async create(actor: Actor, input: CreatePromptInput): Promise<Prompt> {
      const { userId } = requireUser(actor);
      const fields = createPromptInputSchema.parse(input);
      checkTemplate(fields.template, fields.arguments);
      const now = clock.now();
      const row = await db
        .transaction(async (transaction) => {
          const [created] = await transaction
            .insert(prompts)
            .values({
              id: ids(),
              ownerId: userId,
              name: fields.name,
              title: fields.title ?? null,
              description: fields.description ?? null,
              template: fields.template,
              arguments: fields.arguments,
              tags: fields.tags,
              visibility: fields.visibility,
              version: 1,
              useCount: 0,
              recentValues: {},
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (!created) throw new Error('The prompt was not stored');
          await transaction.insert(promptVersions).values({
            id: ids(),
            promptId: created.id,
            version: 1,
            title: created.title,
            description: created.description,
            template: created.template,
            arguments: created.arguments,
            createdBy: userId,
            createdAt: now,
          });
          return created;
        })
        .catch(renamedOrTaken(fields.name));
      await bus.publish(actor, 'prompt.created', {
        prompt_id: row.id,
        owner_id: userId,
        shared: row.visibility === 'shared',
      });
      return toPromptView(row, userId);
    },

    /** Your prompts and the shared ones, newest first, searched and filtered, a page at a time. */
    async list(actor: Actor, query: ListPromptsQuery): Promise<PromptPage> {
      const { userId } = requireUser(actor);
      const { q, tag, limit, cursor } = listPromptsQuerySchema.parse(query);
      const conditions: (SQL | undefined)[] = [visibleTo(userId)];
      if (q) {
        const pattern = `%${escapeLike(q)}%`;
        conditions.push(
          or(
            ilike(prompts.name, pattern),
            ilike(prompts.title, pattern),
            ilike(prompts.description, pattern),
            ilike(prompts.template, pattern),
          ),
        );
      }
      if (tag) conditions.push(arrayContains(prompts.tags, [tag]));
      if (cursor) conditions.push(lt(prompts.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(prompts)
        .where(and(...conditions))
        .orderBy(desc(prompts.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, (row) => toPromptView(row, userId));
      return { items, next_cursor: nextCursor };
    },

    async get(actor: Actor, promptId: string): Promise<Prompt> {
      return toPromptView(await loadVisible(actor, promptId), requireUser(actor).userId);
    },

    /** The prompt an MCP client asks for by name: yours first, then a shared one. */
    async findByName(actor: Actor, name: string): Promise<Prompt | undefined> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select()
        .from(prompts)
        .where(and(eq(prompts.name, name), visibleTo(userId)))
        .orderBy(sql`${prompts.ownerId} = ${userId} desc`, desc(prompts.id))
        .limit(1);
      return rows[0] && toPromptView(rows[0], userId);
    },

    /** Changes a prompt you own; each change is saved as a new version. */
    async update(actor: Actor, promptId: string, input: UpdatePromptInput): Promise<Prompt> {
      const current = await loadOwned(actor, promptId);
      const changes = updatePromptInputSchema.parse(input);
      const next = {
        name: changes.name ?? current.name,
        title: changes.title === undefined ? current.title : changes.title,
        description: changes.description === undefined ? current.description : changes.description,
        template: changes.template ?? current.template,
        arguments: changes.arguments ?? current.arguments,
        tags: changes.tags ?? current.tags,
        visibility: changes.visibility ?? current.visibility,
      };
      checkTemplate(next.template, next.arguments);
      const now = clock.now();
      const row = await db
        .transaction(async (transaction) => {
          // The version is taken under a row lock: concurrent edits get consecutive numbers.
          const [locked] = await transaction
            .select({ version: prompts.version })
            .from(prompts)
            .where(eq(prompts.id, promptId))
            .for('update');
          if (!locked) throw new PromptNotFoundError(promptId);
          const version = locked.version + 1;
          const [updated] = await transaction
            .update(prompts)
            .set({ ...next, version, updatedAt: now })
            .where(eq(prompts.id, promptId))
            .returning();
          await transaction.insert(promptVersions).values({
            id: ids(),
            promptId,
            version,
            title: next.title,
            description: next.description,
            template: next.template,
            arguments: next.arguments,
            createdBy: requireUser(actor).userId,
            createdAt: now,
          });
          return updated;
        })
        .catch(renamedOrTaken(next.name));
      if (!row) throw new PromptNotFoundError(promptId);
      const shared = current.visibility === 'shared' || next.visibility === 'shared';
      await bus.publish(actor, 'prompt.updated', {
        prompt_id: promptId,
        owner_id: requireUser(actor).userId,
        version: row.version,
        shared,
      });
      return toPromptView(row, requireUser(actor).userId);
    },

    async delete(actor: Actor, promptId: string): Promise<void> {
      const current = await loadOwned(actor, promptId);
      await db.delete(prompts).where(eq(prompts.id, promptId));
      await bus.publish(actor, 'prompt.deleted', {
        prompt_id: promptId,
        owner_id: current.ownerId,
        shared: current.visibility === 'shared',
      });
    },

    async versions(actor: Actor, promptId: string): Promise<PromptVersion[]> {
      await loadVisible(actor, promptId);
      const rows = await db
        .select()
        .from(promptVersions)
        .where(eq(promptVersions.promptId, promptId))
        .orderBy(desc(promptVersions.version));
      return rows.map(({ version, title, description, template, arguments: declared, createdAt }) => ({
        version,
        title,
        description,
        template,
        arguments: declared,
        created_at: createdAt.toISOString(),
      }));
    },

    async version(actor: Actor, promptId: string, version: number): Promise<PromptVersion> {
      const found = (await this.versions(actor, promptId)).find((entry) => entry.version === version);
      if (!found) throw new PromptVersionNotFoundError(version);
      return found;
    },

    /** A unified diff of two versions' templates. */
    async diff(actor: Actor, promptId: string, from: number, to: number): Promise<string> {
      const [older, newer] = [
        await this.version(actor, promptId, from),
        await this.version(actor, promptId, to),
      ];
      return createTwoFilesPatch(
        `version ${from}`,
        `version ${to}`,
        `${older.template}\n`,
        `${newer.template}\n`,
      );
    },

    /** Makes an old version current again, as a new version. */
    async rollback(actor: Actor, promptId: string, version: number): Promise<Prompt> {
      const old = await this.version(actor, promptId, version);
      return this.update(actor, promptId, {
        title: old.title,
        description: old.description,
        template: old.template,
        arguments: old.arguments,
      });
    },

    /** Fills the template with the arguments (see renderTemplate) and counts the use. */
    async render(
      actor: Actor,
      promptId: string,
      given: Record<string, string>,
    ): Promise<{ prompt: Prompt; text: string }> {
      const row = await loadVisible(actor, promptId);
      const text = renderTemplate(row.template, row.arguments, given);
      // Each user's own recent values: a shared prompt must not show one user's inputs to another.
      const { userId } = requireUser(actor);
      const mine: Record<string, string[]> = { ...row.recentValues[userId] };
      for (const [name, value] of Object.entries(given)) {
        mine[name] = [value, ...(mine[name] ?? []).filter((known) => known !== value)].slice(0, recentKept);
      }
      const recentValues = { ...row.recentValues, [userId]: mine };
      const [updated] = await db
        .update(prompts)
        .set({ useCount: sql`${prompts.useCount} + 1`, recentValues })
        .where(eq(prompts.id, promptId))
        .returning();
      return { prompt: toPromptView(updated ?? row, requireUser(actor).userId), text };
    },

    /** Values to suggest for an argument: its enum, then values used before, that start with `prefix`. */
    async suggest(actor: Actor, promptName: string, argumentName: string, prefix: string): Promise<string[]> {
      const prompt = await this.findByName(actor, promptName);
      if (!prompt) return [];
      const [row] = await db
        .select({ recentValues: prompts.recentValues })
        .from(prompts)
        .where(eq(prompts.id, prompt.id));
      const declared = prompt.arguments.find((argument) => argument.name === argumentName);
      const candidates = [
        ...(declared?.enum ?? []),
        ...(row?.recentValues[requireUser(actor).userId]?.[argumentName] ?? []),
      ];
      return [...new Set(candidates)]
        .filter((value) => value.toLowerCase().startsWith(prefix.toLowerCase()))
        .slice(0, 100);
    },
  };
}

export type PromptService = ReturnType<typeof createPromptService>;
