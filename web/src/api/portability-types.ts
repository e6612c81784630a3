/** The export file's import report, imported type-only from the server's zod schemas, for the settings page. */
import type { ImportReport } from '@server/modules/portability/report-schema';

export type { ImportReport };
