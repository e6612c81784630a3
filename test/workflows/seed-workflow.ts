import { eq } from 'drizzle-orm';
import type { App } from '../../src/app.js';
import { actingAs } from '../../src/actor.js';
import {
  type WorkflowDefinitionInput,
  workflowDefinitionSchema,
} from '../../src/modules/workflows/definition.js';
import { workflows } from '../../src/modules/workflows/table.js';
import { insertWorkflow } from '../helpers/workflows.js';

/** A small definition: one echo step (MCP_FIXTURES), and the triggers given. */
export function definitionWith(
  name: string,
  triggers: WorkflowDefinitionInput['triggers'],
  extra: Partial<WorkflowDefinitionInput> = {},
): WorkflowDefinitionInput {
  return {
    name,
    description: `The ${name} workflow`,
    input_schema: { type: 'object', properties: { topic: { type: 'string' } } },
    steps: [{ id: 'say', kind: 'tool', tool: 'echo', input: { message: 'About {{ input.topic }}' } }],
    triggers,
    ...extra,
  } as WorkflowDefinitionInput;
}

/**
 * Saves a workflow straight into its tables and announces it (workflow.created), as the definitions
 * service does; the triggers follow those events. Gives its id.
 */
export async function saveWorkflow(
  app: App,
  ownerId: string,
  input: WorkflowDefinitionInput,
  options: { visibility?: 'private' | 'shared' } = {},
): Promise<string> {
  const id = await insertWorkflow(app, ownerId, input, options);
  await app.bus.publish(actingAs({ userId: ownerId, role: 'user', via: 'http' }), 'workflow.created', {
    workflow_id: id,
    owner_id: ownerId,
    name: input.name,
  });
  return id;
}

/** Replaces a workflow's current definition in place (the triggers read only the current one). */
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
