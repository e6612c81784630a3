import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * How much a session keeps for clients that reconnect with Last-Event-ID: messages, and their size
 * as JSON. A user may hold 20 sessions (open-session.ts), so this is at most 10 MB a user (and a
 * newest message over the limit, kept alone); 4 MB a session was 80 MB a user, for replays that
 * need only what an interrupted stream missed.
 */
const kept = { messages: 200, bytes: 512 * 1024 };

interface StoredEvent {
  id: string;
  streamId: string;
  sequence: number;
  /** The message as JSON: a flat string holds a tool result in a fraction of its objects' memory. */
  json: string;
}

/**
 * One session's recent SSE messages, so a client whose stream dropped can resume with
 * Last-Event-ID. Event ids are `<stream>.<sequence>`. The oldest are dropped first, past 200
 * messages or 512 KB (large tool results must not hold a session's memory for as long as it is
 * open); a client that resumes from a dropped id still gets everything kept after it, in order.
 */
export function createSessionEventStore(): EventStore & {
  /** The JSON this store made of a message it stored (the same object), for the SSE write to reuse. */
  jsonOf(message: object): string | undefined;
} {
  const events: StoredEvent[] = [];
  /** Each stored message's JSON, by the message object, for as long as the SDK holds the object. */
  const jsonByMessage = new WeakMap<object, string>();
  let sequence = 0;
  let bytes = 0;

  /** The stream and sequence an id of ours names, or undefined for an id we never gave. */
  function parse(eventId: string): { streamId: string; sequence: number } | undefined {
    const dot = eventId.lastIndexOf('.');
    const number = Number(eventId.slice(dot + 1));
    if (dot <= 0 || !Number.isInteger(number) || number < 1 || number > sequence) return undefined;
    return { streamId: eventId.slice(0, dot), sequence: number };
  }

  return {
    jsonOf: (message) => jsonByMessage.get(message),

    async storeEvent(streamId, message) {
      const event: StoredEvent = {
        id: `${streamId}.${++sequence}`,
        streamId,
        sequence,
        json: JSON.stringify(message),
      };
      events.push(event);
      jsonByMessage.set(message, event.json);
      bytes += event.json.length;
      while (events.length > kept.messages || (bytes > kept.bytes && events.length > 1)) {
        bytes -= events.shift()?.json.length ?? 0;
      }
      return event.id;
    },
    async getStreamIdForEventId(eventId) {
      return parse(eventId)?.streamId;
    },
    async replayEventsAfter(lastEventId, { send }) {
      const position = parse(lastEventId);
      if (!position) return '';
      for (const event of events) {
        if (event.streamId === position.streamId && event.sequence > position.sequence)
          await send(event.id, JSON.parse(event.json) as JSONRPCMessage);
      }
      return position.streamId;
    },
  };
}
