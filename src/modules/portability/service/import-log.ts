import { DomainError } from '../../../errors.js';
import type { ImportReport, SectionReport } from '../schema.js';

type Section = keyof ImportReport;

/**
 * What an import has done so far: the report it answers with, and how to take back each thing it
 * made (run, newest first, when the import fails half-way for a reason that is not the item's).
 */
export function createImportLog() {
  const report: ImportReport = {
    memories: emptySection(),
    context_spaces: emptySection(),
    agents: emptySection(),
    workflows: emptySection(),
  };
  const undo: (() => Promise<unknown>)[] = [];
  return {
    report,
    /** Something made; `takeBack` deletes it (or leave it out and register one `undoWith` for many). */
    created(section: Section, item: SectionReport['created'][number], takeBack?: () => Promise<unknown>) {
      report[section].created.push(item);
      if (takeBack) undo.push(takeBack);
    },
    /** How to take back several things made at once. */
    undoWith(takeBack: () => Promise<unknown>) {
      undo.push(takeBack);
    },
    skipped(section: Section, item: SectionReport['skipped'][number]) {
      report[section].skipped.push(item);
    },
    /** Deletes what the import made, newest first; a failure to delete one does not stop the rest. */
    async takeBack(): Promise<void> {
      for (const step of undo.reverse()) await step().catch(() => undefined);
    },
  };
}
export type ImportLog = ReturnType<typeof createImportLog>;

function emptySection(): SectionReport {
  return { created: [], skipped: [] };
}

/**
 * A refusal of one item (its definition is invalid here, its name stays taken, a value is too
 * large): the item is skipped and reported. Anything else stops the import.
 */
export function refusalOf(error: unknown): { code: string; reason: string } | undefined {
  if (!(error instanceof DomainError) || error.kind === 'unavailable') return undefined;
  return { code: error.code, reason: error.message };
}
