/**
 * A `fetch` for the MCP SDK's client transport, which hands every request the one AbortSignal of
 * its connection: Node's fetch adds an abort listener to that signal per request and removes it
 * only when the request is garbage-collected, so a client making thousands of calls prints
 * MaxListenersExceededWarning (and holds the requests until a GC). Each request gets its own
 * signal instead, linked to the shared one until its response has been read (or has failed).
 */
export async function fetchWithOwnSignal(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const shared = init.signal;
  if (!shared) return fetch(input, init);
  const own = new AbortController();
  const forward = () => own.abort(shared.reason);
  const unlink = () => shared.removeEventListener('abort', forward);
  if (shared.aborted) forward();
  else shared.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(input, { ...init, signal: own.signal });
    if (!response.body) {
      unlink();
      return response;
    }
    // Unlinked once the body has been read to its end: an event stream may run for the connection's life.
    const body = response.body.pipeThrough(new TransformStream({ flush: unlink }));
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    unlink();
    throw error;
  }
}
