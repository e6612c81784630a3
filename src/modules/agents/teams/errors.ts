import { DomainError } from '../../../errors.js';

/** The team does not exist or is another user's (which is not revealed). */
export class TeamNotFoundError extends DomainError {
  readonly code = 'TEAM_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly team: string) {
    super(`Team ${team} not found`, { field: 'team' });
  }
}

export class TeamRunNotFoundError extends DomainError {
  readonly code = 'TEAM_RUN_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly runId: string) {
    super(`Team run ${runId} not found`, { field: 'run_id' });
  }
}

export class TeamNameTakenError extends DomainError {
  readonly code = 'TEAM_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(readonly teamName: string) {
    super(`You already have a team named ${teamName}`, { field: 'name' });
  }
}

/** A team that its pattern cannot run (a review without a critic …). */
export class TeamInvalidError extends DomainError {
  readonly code = 'TEAM_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, field = 'members') {
    super(message, { field });
  }
}
