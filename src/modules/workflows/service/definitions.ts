import { and, desc, eq, ilike, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { escapeLike } from '../../../db/like.js';
import type { WorkflowDefinition } from '../definition.js';
import type { WorkflowDeps } from '../deps.js';
import {
  WorkflowNameTakenError,
  WorkflowNotFoundError,
  WorkflowTemplateNotFoundError,
  WorkflowVersionNotFoundError,
} from '../errors.js';
import {
  type CopyWorkflowInput,
  type DocumentFormat,
  type ExportedWorkflow,
  type ImportedWorkflow,
  type ImportWorkflowInput,
  importWorkflowInputSchema,
  type ListWorkflowsQuery,
  listWorkflowsQuerySchema,
  type Workflow,
  type WorkflowPage,
  type WorkflowSettingsInput,
  type WorkflowTemplateView,
  type WorkflowVersion,
  workflowSettingsInputSchema,
} from '../schema/workflows.js';
import { type WorkflowRow, workflows, workflowVersions } from '../table.js';
import { workflowTemplates } from '../templates/index.js';
import { readDocument, writeDocument } from './definitions/documents.js';
import { findWorkflow, freeName, lastRunsOf, toWorkflowView, visibleTo } from './definitions/rows.js';
import { createDefinitionValidator, parseDefinition, type SelfReference } from './validate.js';
import '../events.js';

/** What the definitions are built from (a part of the module's deps: no engine, no models). */
export type DefinitionDeps = Pick<
  WorkflowDeps,
  'db' | 'clock' | 'ids' | 'bus' | 'tools' | 'externalTools' | 'prompts'
> &
  Partial<Pick<WorkflowDeps, 'agents'>>;

/**
 * Workflow documents: each user's own and everyone's shared ones. Every save is validated and
 * becomes a new immutable version (workflow_versions); the row holds the current one. Another
 * user's private workflow is not found; a shared one is readable, copyable and runnable by all
 * and changeable by its owner only — to anyone else a change is WORKFLOW_NOT_FOUND, as for a
 * private one (docs/workflows-definitions.md says why).
 */
export function createWorkflowDefinitions({
  db,
  clock,
  ids,
  bus,
  tools,
  externalTools,
  prompts,
  agents,
}: DefinitionDeps) {
  const validateDefinition = createDefinitionValidator({
    tools,
    externalTools,
    prompts,
    agents,
    findWorkflow: async (actor, idOrName) => findWorkflow(db, actor.userId, idOrName, 'visible'),
  });

  async function loadVisible(actor: Actor, idOrName: string): Promise<WorkflowRow> {
    const row = await findWorkflow(db, requireUser(actor).userId, idOrName, 'visible');
    if (!row) throw new WorkflowNotFoundError(idOrName);
    return row;
  }

  async function loadOwned(actor: Actor, idOrName: string): Promise<WorkflowRow> {
    const row = await findWorkflow(db, requireUser(actor).userId, idOrName, 'owned');
    if (!row) throw new WorkflowNotFoundError(idOrName);
    return row;
  }

  async function view(row: WorkflowRow, userId: string): Promise<Workflow> {
    return toWorkflowView(row, userId, (await lastRunsOf(db, userId, [row.id])).get(row.id), clock.now());
  }

  const nameTaken = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'workflows_owner_name_idx') ? new WorkflowNameTakenError(name) : error;
  };

  /** Stores a valid definition as a new workflow, version 1. */
  async function insert(
    actor: UserActor,
    definition: WorkflowDefinition,
    template: string | null,
  ): Promise<Workflow> {
    const now = clock.now();
    const row = await db
      .transaction(async (transaction) => {
        const [created] = await transaction
          .insert(workflows)
          .values({
            id: ids(),
            ownerId: actor.userId,
            name: definition.name,
            description: definition.description,
            definition,
            version: 1,
            visibility: 'private',
            published: true,
            template,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('The workflow was not stored');
        await transaction.insert(workflowVersions).values({
          workflowId: created.id,
          version: 1,
          definition,
          createdBy: actor.userId,
          createdAt: now,
        });
        return created;
      })
      .catch(nameTaken(definition.name));
    await bus.publish(actor, 'workflow.created', {
      workflow_id: row.id,
      owner_id: actor.userId,
      name: row.name,
    });
    return toWorkflowView(row, actor.userId, undefined, clock.now());
  }

  /** Saves a definition of a workflow the actor owns as its next version (validated first). */
  async function saveVersion(actor: UserActor, current: WorkflowRow, document: unknown): Promise<Workflow> {
    const definition = await validateDefinition(actor, document, { id: current.id, names: [current.name] });
    const now = clock.now();
    const row = await db
      .transaction(async (transaction) => {
        // The version is taken under a row lock: concurrent saves get consecutive numbers.
        const [locked] = await transaction
          .select({ version: workflows.version })
          .from(workflows)
          .where(eq(workflows.id, current.id))
          .for('update');
        if (!locked) throw new WorkflowNotFoundError(current.id);
        const version = locked.version + 1;
        const [updated] = await transaction
          .update(workflows)
          .set({
            name: definition.name,
            description: definition.description,
            definition,
            version,
            updatedAt: now,
          })
          .where(eq(workflows.id, current.id))
          .returning();
        await transaction
          .insert(workflowVersions)
          .values({ workflowId: current.id, version, definition, createdBy: actor.userId, createdAt: now });
        return updated as WorkflowRow;
      })
      .catch(nameTaken(definition.name));
    await bus.publish(actor, 'workflow.updated', {
      workflow_id: row.id,
      owner_id: actor.userId,
      version: row.version,
    });
    return view(row, actor.userId);
  }

  async function readVersion(row: WorkflowRow, version: number): Promise<WorkflowVersion> {
    const [found] = await db
      .select()
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, row.id), eq(workflowVersions.version, version)));
    if (!found) throw new WorkflowVersionNotFoundError(version);
    return {
      version: found.version,
      definition: found.definition,
      created_at: found.createdAt.toISOString(),
    };
  }

  const definitions = {
    /** Checks a definition as saving would, saving nothing; the parsed definition when valid. */
    async validate(actor: Actor, document: unknown, self?: SelfReference): Promise<WorkflowDefinition> {
      return validateDefinition(requireUser(actor), document, self);
    },

    /** Saves a new workflow (version 1, private, published to its owner). */
    async create(actor: Actor, document: unknown): Promise<Workflow> {
      const user = requireUser(actor);
      return insert(user, await validateDefinition(user, document), null);
    },

    /** A workflow you own or that is shared, by id or name. */
    async get(actor: Actor, idOrName: string): Promise<Workflow> {
      return view(await loadVisible(actor, idOrName), requireUser(actor).userId);
    },

    /** Your workflows and the shared ones, newest first, searched, a page at a time. */
    async list(actor: Actor, query: ListWorkflowsQuery = {}): Promise<WorkflowPage> {
      const { userId } = requireUser(actor);
      const { q, mine, limit, cursor } = listWorkflowsQuerySchema.parse(query);
      const conditions: (SQL | undefined)[] = [visibleTo(userId)];
      if (mine === true) conditions.push(eq(workflows.ownerId, userId));
      if (mine === false)
        conditions.push(and(eq(workflows.visibility, 'shared'), ne(workflows.ownerId, userId)));
      if (q) {
        const pattern = `%${escapeLike(q)}%`;
        conditions.push(or(ilike(workflows.name, pattern), ilike(workflows.description, pattern)));
      }
      if (cursor) conditions.push(lt(workflows.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(workflows)
        .where(and(...conditions))
        .orderBy(desc(workflows.id))
        .limit(limit + 1);
      const lastRuns = await lastRunsOf(
        db,
        userId,
        rows.slice(0, limit).map((row) => row.id),
      );
      const { items, nextCursor } = pageFrom(rows, limit, (row) =>
        toWorkflowView(row, userId, lastRuns.get(row.id), clock.now()),
      );
      return { items, next_cursor: nextCursor };
    },

    /** Replaces the definition of a workflow you own: a new version. */
    async update(actor: Actor, idOrName: string, document: unknown): Promise<Workflow> {
      return saveVersion(requireUser(actor), await loadOwned(actor, idOrName), document);
    },

    /** Shares or unshares a workflow you own, or offers it as an MCP tool or not (no new version). */
    async configure(actor: Actor, idOrName: string, input: WorkflowSettingsInput): Promise<Workflow> {
      const current = await loadOwned(actor, idOrName);
      const { visibility, published } = workflowSettingsInputSchema.parse(input);
      const [row] = await db
        .update(workflows)
        .set({
          ...(visibility === undefined ? {} : { visibility }),
          ...(published === undefined ? {} : { published }),
          updatedAt: clock.now(),
        })
        .where(eq(workflows.id, current.id))
        .returning();
      if (!row) throw new WorkflowNotFoundError(idOrName);
      await bus.publish(actor, 'workflow.updated', {
        workflow_id: row.id,
        owner_id: row.ownerId,
        version: row.version,
      });
      return view(row, row.ownerId);
    },

    /** Deletes a workflow you own with its versions; its runs stay readable (their workflow is gone). */
    async remove(actor: Actor, idOrName: string): Promise<void> {
      const current = await loadOwned(actor, idOrName);
      await db.delete(workflows).where(eq(workflows.id, current.id));
      await bus.publish(actor, 'workflow.deleted', { workflow_id: current.id, owner_id: current.ownerId });
    },

    /** Every version, newest first. */
    async versions(actor: Actor, idOrName: string): Promise<WorkflowVersion[]> {
      const row = await loadVisible(actor, idOrName);
      const rows = await db
        .select()
        .from(workflowVersions)
        .where(eq(workflowVersions.workflowId, row.id))
        .orderBy(desc(workflowVersions.version));
      return rows.map((found) => ({
        version: found.version,
        definition: found.definition,
        created_at: found.createdAt.toISOString(),
      }));
    },

    async version(actor: Actor, idOrName: string, version: number): Promise<WorkflowVersion> {
      return readVersion(await loadVisible(actor, idOrName), version);
    },

    /** Makes an old version current again, as a new version (validated again: tools may have gone). */
    async restore(actor: Actor, idOrName: string, version: number): Promise<Workflow> {
      const current = await loadOwned(actor, idOrName);
      const old = await readVersion(current, version);
      return saveVersion(requireUser(actor), current, old.definition);
    },

    /**
     * Reads a document (JSON or YAML text) and saves it: a new workflow, or — with `replace` and a
     * workflow of yours by that name — its new version. Without `replace` that name is taken.
     */
    async importDocument(actor: Actor, input: ImportWorkflowInput): Promise<ImportedWorkflow> {
      const user = requireUser(actor);
      const { document, format, replace } = importWorkflowInputSchema.parse(input);
      const parsed = parseDefinition(readDocument(document, format));
      const existing = replace ? await findWorkflow(db, user.userId, parsed.name, 'owned') : undefined;
      if (existing?.name === parsed.name)
        return { workflow: await saveVersion(user, existing, parsed), created: false };
      return { workflow: await insert(user, await validateDefinition(user, parsed), null), created: true };
    },

    /** A workflow's current definition as text (JSON or YAML), ready to import elsewhere. */
    async exportDocument(actor: Actor, idOrName: string, format: DocumentFormat): Promise<ExportedWorkflow> {
      const row = await loadVisible(actor, idOrName);
      return { name: row.name, format, document: writeDocument(row.definition, format) };
    },

    /**
     * Copies a workflow you may read (yours, or a shared one) into a new one of yours, private. The
     * name is the given one (WORKFLOW_NAME_TAKEN if you have it) or the original's, made free.
     */
    async copy(actor: Actor, idOrName: string, input: CopyWorkflowInput = {}): Promise<Workflow> {
      const user = requireUser(actor);
      const original = await loadVisible(actor, idOrName);
      const name = input.name ?? (await freeName(db, user.userId, original.name));
      const definition = await validateDefinition(user, { ...original.definition, name });
      return insert(user, definition, original.template);
    },

    /** The built-in templates, their definitions with defaults filled in. */
    templates(): WorkflowTemplateView[] {
      return workflowTemplates.map(({ id, title, description, definition }) => ({
        id,
        title,
        description,
        definition: parseDefinition(definition),
      }));
    },

    /** Copies a built-in template into a new workflow of yours (named as in copy). */
    async copyTemplate(actor: Actor, templateId: string, name?: string): Promise<Workflow> {
      const user = requireUser(actor);
      const template = workflowTemplates.find((candidate) => candidate.id === templateId);
      if (!template) throw new WorkflowTemplateNotFoundError(templateId);
      const chosen = name ?? (await freeName(db, user.userId, parseDefinition(template.definition).name));
      return insert(
        user,
        await validateDefinition(user, { ...template.definition, name: chosen }),
        template.id,
      );
    },

    /**
     * What the runs part runs: the workflow (yours or shared) by id or name, and the definition of
     * the version asked for (the current one by default).
     */
    async resolve(
      actor: Actor,
      idOrName: string,
      version?: number,
    ): Promise<{ row: WorkflowRow; definition: WorkflowDefinition; version: number }> {
      const row = await loadVisible(actor, idOrName);
      if (version === undefined || version === row.version)
        return { row, definition: row.definition, version: row.version };
      const old = await readVersion(row, version);
      return { row, definition: old.definition, version: old.version };
    },
  };
  return definitions;
}
export type WorkflowDefinitions = ReturnType<typeof createWorkflowDefinitions>;
