/** The events module's wire shapes, imported type-only from the server's zod schemas, for the events page. */
import type { eventStatsSchema } from '@server/modules/events/analytics-schema';
import type { EventPage, WireEvent } from '@server/modules/events/schema';
import type {
  createdSubscriptionSchema,
  CreateSubscriptionInput,
  DeliveryDetail,
  deliveryPageSchema,
  DeliveryView,
  SubscriptionView,
  TestDelivery,
} from '@server/modules/events/subscription-schema';
import type { z } from 'zod';

export type {
  CreateSubscriptionInput,
  DeliveryDetail,
  DeliveryView,
  EventPage,
  SubscriptionView,
  TestDelivery,
  WireEvent,
};
export type CreatedSubscription = z.infer<typeof createdSubscriptionSchema>;
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
export type EventStats = z.infer<typeof eventStatsSchema>;
