import type { WorkflowService } from '../../workflows/index.js';
import { ListingNotFoundError } from './errors.js';
import type { ListingSource } from './sources.js';

/**
 * Workflows in the marketplace: the author's own workflow's current definition is published; an
 * install is a new private workflow of the installer's (checked as any saved workflow is).
 */
export function workflowListingSource(definitions: WorkflowService['definitions']): ListingSource {
  return {
    kind: 'workflow',
    async readForPublishing(actor, idOrName) {
      const workflow = await definitions.get(actor, idOrName);
      // Another user's shared workflow is readable, but only its owner publishes it.
      if (!workflow.is_owner) throw new ListingNotFoundError(idOrName);
      return {
        sourceId: workflow.id,
        name: workflow.name,
        description: workflow.description,
        capabilities: [],
        version: workflow.version,
        document: workflow.definition as Record<string, unknown>,
      };
    },
    async install(actor, document, name) {
      const created = await definitions.create(actor, { ...document, name });
      return { id: created.id };
    },
    async update(actor, targetId, document) {
      const current = await definitions.get(actor, targetId);
      if (!current.is_owner) throw new ListingNotFoundError(targetId);
      await definitions.update(actor, targetId, { ...document, name: current.name });
    },
  };
}
