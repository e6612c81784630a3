import type { Actor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import type { Clock } from '../../clock.js';
import { type ExportFile, type ExportFileInput, exportFileSchema, type ImportReport } from './schema.js';
import { buildExportFile } from './service/export-file.js';
import { assertWithinLimits } from './service/file-limits.js';
import { importContextSpaces } from './service/import-context.js';
import { importDefinitions } from './service/import-definitions.js';
import { createImportLog } from './service/import-log.js';
import { importMemories } from './service/import-memories.js';
import type { PortabilityPorts } from './service/ports.js';
import { noRenames } from './service/references.js';

export type { PortabilityPorts } from './service/ports.js';

/**
 * A user's own memories, context spaces, agents and workflows as one JSON file, and back. An
 * import checks the whole file first (nothing is written for a malformed one), gives everything new
 * ids, and never changes what the user has: a taken name gets a copy with a suffix, a memory they
 * already keep is skipped. If it fails half-way for a reason that is not one item's, what it made
 * is deleted again.
 */
export function createPortabilityService(ports: PortabilityPorts & { clock: Clock }) {
  return {
    /** The actor's own data (never others' shared items, the built-ins, or runs' spaces). */
    async exportFile(actor: Actor): Promise<ExportFile> {
      requireUser(actor);
      const file = await buildExportFile(ports, actor);
      assertWithinLimits(file);
      return file;
    },

    /** Makes the file's items new items of the actor's; answers what was created and skipped, by section. */
    async importFile(actor: Actor, input: ExportFileInput): Promise<ImportReport> {
      requireUser(actor);
      const file = exportFileSchema.parse(input);
      assertWithinLimits(file);
      const log = createImportLog();
      try {
        const agentIds = await importDefinitions(ports, actor, { file, renames: noRenames(), log });
        await importContextSpaces(ports.context, actor, { items: file.context_spaces, log });
        await importMemories(ports, actor, { items: file.memories, agentIds, log });
      } catch (error) {
        await log.takeBack();
        throw error;
      }
      return log.report;
    },
  };
}

export type PortabilityService = ReturnType<typeof createPortabilityService>;
