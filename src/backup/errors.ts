import { DomainError } from '../errors.js';

/** A file that is not a whole Switchboard backup: nothing was written anywhere. */
export class InvalidBackupError extends DomainError {
  readonly code = 'INVALID_BACKUP';
  readonly kind = 'invalid';
}

/** The target already holds data (without --force), or a newer schema than the backup's. Nothing was written. */
export class RestoreRefusedError extends DomainError {
  readonly code = 'RESTORE_REFUSED';
  readonly kind = 'conflict';
}
