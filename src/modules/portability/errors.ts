import { DomainError } from '../../errors.js';

/** A section of an export file holds more items than one file may (on export and on import). */
export class ExportFileTooLargeError extends DomainError {
  readonly code = 'EXPORT_FILE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor(
    readonly section: string,
    readonly limit: number,
  ) {
    super(`An export file may hold up to ${limit} ${section.replace(/_/g, ' ')}`, { field: section });
  }
}
