import { ExportFileTooLargeError } from '../errors.js';
import { type ExportFile, exportFileLimits } from '../schema.js';

/** Throws EXPORT_FILE_TOO_LARGE (413) naming the first section over its limit. */
export function assertWithinLimits(file: ExportFile): void {
  for (const section of ['memories', 'context_spaces', 'agents', 'workflows'] as const)
    if (file[section].length > exportFileLimits[section])
      throw new ExportFileTooLargeError(section, exportFileLimits[section]);
  const entries = Math.max(0, ...file.context_spaces.map((space) => space.entries.length));
  if (entries > exportFileLimits.entries_per_space)
    throw new ExportFileTooLargeError('entries_per_space', exportFileLimits.entries_per_space);
}
