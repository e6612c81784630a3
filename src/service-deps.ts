import type { EventBus } from './bus/event-bus.js';
import type { Clock } from './clock.js';
import type { Database } from './db/database.js';
import type { IdGenerator } from './ids.js';

/** What most services are built from: the database, time, new ids and the event bus. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  bus: EventBus;
}
