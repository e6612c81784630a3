import { DomainError } from '../../errors.js';

/** The agent does not exist, or is another user's private one (which is not revealed). */
export class AgentNotFoundError extends DomainError {
  readonly code = 'AGENT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly agent: string) {
    super(`Agent ${agent} not found`);
  }
}

export class AgentVersionNotFoundError extends DomainError {
  readonly code = 'AGENT_VERSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly version: number) {
    super(`Version ${version} of this agent not found`, { field: 'version' });
  }
}

export class AgentNameTakenError extends DomainError {
  readonly code = 'AGENT_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(readonly agentName: string) {
    super(`You already have an agent named "${agentName}"`, { field: 'name' });
  }
}

/** A definition that cannot run: the message says why, `field` where. */
export class AgentInvalidError extends DomainError {
  readonly code = 'AGENT_INVALID';
  readonly kind = 'invalid';
  constructor(message: string, field: string) {
    super(message, { field });
  }
}

export class AgentRunNotFoundError extends DomainError {
  readonly code = 'AGENT_RUN_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly runId: string) {
    super(`Agent run ${runId} not found`);
  }
}

/** Cancel or resume asked of a run in a status that does not allow it. */
export class AgentRunStateError extends DomainError {
  readonly code = 'AGENT_RUN_STATE_CONFLICT';
  readonly kind = 'conflict';
}

/** An agent asked (directly or through others) to call an agent already in its chain of callers. */
export class AgentCycleError extends DomainError {
  readonly code = 'AGENT_CYCLE';
  readonly kind = 'conflict';
  constructor(readonly chain: string[]) {
    super(`Agent ${chain.at(-1)} is already running in this chain (${chain.join(' → ')})`);
  }
}

/** Agents calling agents nest at most so deep. */
export class AgentDepthError extends DomainError {
  readonly code = 'AGENT_DEPTH_EXCEEDED';
  readonly kind = 'conflict';
  constructor(readonly limit: number) {
    super(`Agents may call agents at most ${limit} deep`);
  }
}

/** Runs need the durable engine, which one-shot commands do not start. */
export class AgentEngineUnavailableError extends DomainError {
  readonly code = 'ENGINE_UNAVAILABLE';
  readonly kind = 'unavailable';
  constructor() {
    super('Agents run only in a server (switchboard serve): the durable engine is not running here');
  }
}
