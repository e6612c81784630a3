import { actingAs, type UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { newId } from '../../src/ids.js';
import {
  type WorkflowDefinitionInput,
  workflowDefinitionSchema,
} from '../../src/modules/workflows/definition.js';
import { workflows, workflowVersions } from '../../src/modules/workflows/table.js';

/**
 * Saves a workflow straight into its tables (parsed by the definition schema, not validated further),
 * for run tests written before the definitions service exists. Gives its id.
 */
export async function insertWorkflow(
  app: App,
  ownerId: string,
  input: WorkflowDefinitionInput,
  { visibility = 'private' }: { visibility?: 'private' | 'shared' } = {},
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
    createdAt: now,
    updatedAt: now,
  });
  await app.database.db
    .insert(workflowVersions)
    .values({ workflowId: id, version: 1, definition, createdBy: ownerId, createdAt: now });
  return id;
}

/** A user acting over REST, as the routes hand the services. */
export const restActor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });
