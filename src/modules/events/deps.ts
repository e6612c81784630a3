import type { UserActor } from '../../actor.js';
import type { Config } from '../../config.js';
import type { Engine } from '../../engine/index.js';
import type { FeatureGate } from '../../features/index.js';
import type { Logger } from '../../logger.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { ServiceDeps } from '../../service-deps.js';
import type { UsersService } from '../identity/index.js';
import type { WorkflowService } from '../workflows/index.js';
import type { DeliveredEvent } from './table.js';

/**
 * Hands an event to one of the owner's agents as its input message (the agents module provides it;
 * app.ts wires it). Throws a DomainError (e.g. the agent's not-found) when it cannot.
 */
export type DeliverToAgent = (
  owner: UserActor,
  delivery: { agentId: string; event: DeliveredEvent; deliveryId: string; subscriptionId: string },
) => Promise<void>;

/** What the events module is built from. */
export interface EventsDeps extends ServiceDeps {
  /** The durable engine: deliveries run on it; without it (one-shot commands) nothing is delivered. */
  engine: Engine | undefined;
  /** Webhook targets are refused (FEATURE_DISABLED) while an admin has outbound webhooks switched off. */
  features: FeatureGate;
  /** Seals webhook signing secrets at rest. */
  secrets: SecretBox;
  /** The owners' accounts: deliveries act as the owner, with their role, unless deactivated. */
  users: Pick<UsersService, 'me'>;
  /** Workflow targets: checked at creation, started on delivery. */
  workflows: {
    definitions: Pick<WorkflowService['definitions'], 'get'>;
    runs: Pick<WorkflowService['runs'], 'start'>;
  };
  /** Agent targets; absent until an agents module is wired (creating one then answers AGENT_TARGET_UNAVAILABLE). */
  deliverToAgent?: DeliverToAgent | undefined;
  config: Pick<
    Config,
    | 'fetchAllowedHosts'
    | 'fetchTimeoutMs'
    | 'eventHookLocalHttp'
    | 'eventDeliveryBackoffMs'
    | 'eventDeliveryRetryMs'
  >;
  logger: Logger;
}
