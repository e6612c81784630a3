import { DomainError } from '../../errors.js';

export class UserNotFoundError extends DomainError {
  readonly code = 'USER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly userId: string) {
    super(`User ${userId} not found`);
  }
}

export class SessionNotFoundError extends DomainError {
  readonly code = 'SESSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly sessionId: string) {
    super(`Session ${sessionId} not found`);
  }
}

export class ApiKeyNotFoundError extends DomainError {
  readonly code = 'API_KEY_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly apiKeyId: string) {
    super(`API key ${apiKeyId} not found`);
  }
}

export class EmailInUseError extends DomainError {
  readonly code = 'EMAIL_IN_USE';
  readonly kind = 'conflict';
  constructor() {
    super('An account with this email already exists', { field: 'email' });
  }
}

/** Removing, demoting or deactivating the only active admin would lock everyone out of administration. */
export class LastAdminError extends DomainError {
  readonly code = 'LAST_ADMIN';
  readonly kind = 'conflict';
  constructor() {
    super('This is the last active admin: make another user an admin first');
  }
}

export class SetupDoneError extends DomainError {
  readonly code = 'SETUP_DONE';
  readonly kind = 'conflict';
  constructor() {
    super('An admin already exists; sign in instead');
  }
}

export class InviteInvalidError extends DomainError {
  readonly code = 'INVITE_INVALID';
  readonly kind = 'invalid';
  constructor() {
    super('This invite link is unknown, used or expired; ask an admin for a new one', { field: 'invite' });
  }
}
