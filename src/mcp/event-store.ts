import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** How many messages a session keeps for clients that reconnect with Last-Event-ID. */
const keptEvents = 1_000;

/**
 * One session's recent SSE messages, so a client whose stream dropped can resume with
 * Last-Event-ID and miss nothing. Event ids are `<stream>.<sequence>`; the oldest are dropped first.
 */
export function createSessionEventStore(): EventStore {
  const events: { id: string; streamId: string; message: JSONRPCMessage }[] = [];
  let sequence = 0;
  const streamOf = (eventId: string) => eventId.slice(0, eventId.lastIndexOf('.'));

  return {
    async storeEvent(streamId, message) {
      const id = `${streamId}.${++sequence}`;
      events.push({ id, streamId, message });
      if (events.length > keptEvents) events.shift();
      return id;
    },
    async getStreamIdForEventId(eventId) {
      return events.some((event) => event.id === eventId) ? streamOf(eventId) : undefined;
    },
    async replayEventsAfter(lastEventId, { send }) {
      const streamId = streamOf(lastEventId);
      const from = events.findIndex((event) => event.id === lastEventId);
      if (from === -1) return streamId;
      for (const event of events.slice(from + 1)) {
        if (event.streamId === streamId) await send(event.id, event.message);
      }
      return streamId;
    },
  };
}
