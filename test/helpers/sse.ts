/** One Server-Sent Event as read by a test. */
export interface SseEvent {
  id: string | undefined;
  data: string;
}

/** Reads a fetch response's Server-Sent Events one at a time, as they arrive. */
export async function* readSse(response: Response): AsyncGenerator<SseEvent> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      const id = lines.find((line) => line.startsWith('id: '));
      if (data) yield { id: id?.slice(4), data };
      end = buffer.indexOf('\n\n');
    }
  }
}

/** The UI message stream chunks of a chat response, until [DONE]. */
export async function uiChunks(response: Response): Promise<Record<string, unknown>[]> {
  const chunks: Record<string, unknown>[] = [];
  for await (const event of readSse(response)) {
    if (event.data === '[DONE]') break;
    chunks.push(JSON.parse(event.data) as Record<string, unknown>);
  }
  return chunks;
}

/** The text still to come on an SSE reader already under way, until [DONE] or the stream ends. */
export async function restOfText(reader: AsyncGenerator<SseEvent>): Promise<string> {
  const chunks: Record<string, unknown>[] = [];
  for (let next = await reader.next(); !next.done && next.value.data !== '[DONE]'; next = await reader.next())
    chunks.push(JSON.parse(next.value.data) as Record<string, unknown>);
  return streamedText(chunks);
}

/** The text a list of UI chunks spells out. */
export function streamedText(chunks: Record<string, unknown>[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => String(chunk.delta))
    .join('');
}
