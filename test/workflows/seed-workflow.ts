import { eq } from 'drizzle-orm';
import type { App } from '../../src/app.js';
import { newId } from '../../src/ids.js';
import {
  type WorkflowDefinitionInput,
  workflowDefinitionSchema,
} from '../../src/modules/workflows/definition.js';
import { workflows, workflowVersions } from '../../src/modules/workflows/table.js';

/** A small definition: one tool step, and the triggers given. */
export function definitionWith(
  name: string,
  triggers: WorkflowDefinitionInput['triggers'],
  extra: Partial<WorkflowDefinitionInput> = {},
) {
  return {
    name,
    description: `The ${name} workflow`,
    input_schema: { type: 'object', properties: { topic: { type: 'string' } } },
    steps: [{ id: 'note', kind: 'tool', tool: 'add_task', input: { title: 'From {{ input.topic }}' } }],
    triggers,
    ...extra,
  } as WorkflowDefinitionInput;
}

/**
 * Stores a workflow row as the definitions part does (version 1), straight into the module's
 * tables: the triggers read those, and the definitions service is built beside them.
 */
export async function seedWorkflow(
  app: App,
  ownerId: string,
  input: WorkflowDefinitionInput,
  {
    visibility = 'private',
    published = true,
  }: { visibility?: 'private' | 'shared'; published?: boolean } = {},
): Promise<string> {
  const definition = workflowDefinitionSchema.parse(input);
  const id = newId();
  const now = new Date();
  await app.database.db.insert(workflows).values({
    id,
    ownerId,
    name: definition.name,
    description: definition.description,
    definition,
    version: 1,
    visibility,
    published,
    createdAt: now,
    updatedAt: now,
  });
  await app.database.db
    .insert(workflowVersions)
    .values({ workflowId: id, version: 1, definition, createdBy: ownerId, createdAt: now });
  return id;
}

/** Replaces a workflow's current definition (a new version), as an update does. */
export async function replaceDefinition(app: App, id: string, input: WorkflowDefinitionInput): Promise<void> {
  const definition = workflowDefinitionSchema.parse(input);
  await app.database.db
    .update(workflows)
    .set({ definition, updatedAt: new Date() })
    .where(eq(workflows.id, id));
}

export async function deleteWorkflow(app: App, id: string): Promise<void> {
  await app.database.db.delete(workflows).where(eq(workflows.id, id));
}
