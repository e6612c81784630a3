import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

type SseWriter = (
  controller: ReadableStreamDefaultController<Uint8Array>,
  encoder: { encode(text: string): Uint8Array },
  message: object,
  eventId?: string,
) => boolean;

// The SDK's private method this replaces: a server whose SDK has none fails as it loads.
const sdkTransport = WebStandardStreamableHTTPServerTransport.prototype as unknown as {
  writeSSEEvent?: SseWriter;
};
if (typeof sdkTransport.writeSSEEvent !== 'function')
  throw new Error('The MCP SDK transport has no writeSSEEvent: see src/mcp/http/sse-json-once.ts');

/**
 * Makes the transport write each SSE message with the JSON its event store made of it, instead of
 * turning the message into JSON a second time. With an event store the SDK stores every message
 * (`storeEvent`, which keeps it as JSON) and then writes it (`writeSSEEvent`, which stringifies
 * it again): for `list_tasks`' 50 tasks that second pass was a few percent of the call.
 *
 * `writeSSEEvent` is the SDK's private method; this replaces it on the one instance, writing the
 * same bytes (src/mcp/http/sse-json-once.test.ts compares them with the SDK's own), and hands
 * any message the store did not make JSON of (a replayed one) to the SDK's method. If an SDK
 * upgrade renames it, the server fails as it loads (above), not at a client's first session.
 */
export function writeStoredJson(
  transport: WebStandardStreamableHTTPServerTransport,
  jsonOf: (message: object) => string | undefined,
): void {
  const target = transport as unknown as { writeSSEEvent?: SseWriter };
  const sdkWrite = target.writeSSEEvent as SseWriter;
  target.writeSSEEvent = function (controller, encoder, message, eventId) {
    const json = jsonOf(message);
    if (json === undefined) return sdkWrite.call(this, controller, encoder, message, eventId);
    try {
      controller.enqueue(
        encoder.encode(`event: message\n${eventId ? `id: ${eventId}\n` : ''}data: ${json}\n\n`),
      );
      return true;
    } catch (error) {
      transport.onerror?.(error as Error);
      return false;
    }
  };
}
