import { DomainError } from '../../errors.js';

/** The subscription does not exist, or belongs to someone else (which is not revealed). */
export class SubscriptionNotFoundError extends DomainError {
  readonly code = 'EVENT_SUBSCRIPTION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly subscriptionId: string) {
    super(`Event subscription ${subscriptionId} not found`, { field: 'id' });
  }
}

/** The delivery does not exist, or belongs to someone else (which is not revealed). */
export class DeliveryNotFoundError extends DomainError {
  readonly code = 'EVENT_DELIVERY_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly deliveryId: string) {
    super(`Event delivery ${deliveryId} not found`, { field: 'id' });
  }
}

/** Only a dead letter (a delivery whose retries ran out) can be replayed. */
export class DeliveryNotDeadError extends DomainError {
  readonly code = 'EVENT_DELIVERY_NOT_DEAD';
  readonly kind = 'conflict';
  constructor(deliveryId: string, status: string) {
    super(`Event delivery ${deliveryId} is ${status}: only a dead letter can be replayed`);
  }
}

/** The target cannot receive events here: an agent target while no agents module is wired, a refused URL. */
export class TargetRefusedError extends DomainError {
  readonly code: string;
  readonly kind = 'unprocessable';
  constructor(code: string, message: string, field = 'target') {
    super(message, { field });
    this.code = code;
  }
}

/** A custom event's payload is over the size cap. */
export class EventTooLargeError extends DomainError {
  readonly code = 'EVENT_TOO_LARGE';
  readonly kind = 'too_large';
  constructor(bytes: number, max: number) {
    super(`The event payload is ${bytes} bytes as JSON; at most ${max} are accepted`, { field: 'data' });
  }
}
