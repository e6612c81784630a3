import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** How much a session keeps for clients that reconnect with Last-Event-ID: messages, and their size. */
const kept = { messages: 1_000, bytes: 4 * 1024 * 1024 };

interface StoredEvent {
  id: string;
  streamId: string;
  sequence: number;
  bytes: number;
  message: JSONRPCMessage;
}

/**
 * One session's recent SSE messages, so a client whose stream dropped can resume with
 * Last-Event-ID. Event ids are `<stream>.<sequence>`. The oldest are dropped first, past 1,000
 * messages or 4 MB (a few large tool results must not hold a session's memory forever); a client
 * that resumes from a dropped id still gets everything kept after it, in order.
 */
export function createSessionEventStore(): EventStore {
  const events: StoredEvent[] = [];
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
    async storeEvent(streamId, message) {
      const event: StoredEvent = {
        id: `${streamId}.${++sequence}`,
        streamId,
        sequence,
        bytes: JSON.stringify(message).length,
        message,
      };
      events.push(event);
      bytes += event.bytes;
      while (events.length > kept.messages || (bytes > kept.bytes && events.length > 1)) {
        bytes -= events.shift()?.bytes ?? 0;
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
          await send(event.id, event.message);
      }
      return position.streamId;
    },
  };
}
