/** The most of one step's output kept in its row: the same 256 KB as a chat tool result. */
export const largestStoredOutput = 256 * 1024;

/**
 * A step output as stored in its row: whole, or — past 256 KB — a preview saying how big it was
 * (as the chat stores a large tool result). The run's scope keeps the whole output for the steps after it.
 */
export function cappedOutput(output: unknown): { output: unknown; truncated: boolean } {
  const text = JSON.stringify(output ?? null);
  if (text.length <= largestStoredOutput) return { output: output ?? null, truncated: false };
  return {
    output: { truncated: true, size_bytes: Buffer.byteLength(text), preview: text.slice(0, 2000) },
    truncated: true,
  };
}
