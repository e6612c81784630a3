/** Shapes of /api/v1/mcp-servers, as the settings use them. */

export type { McpServer, McpServerStatus, McpServerTool } from '@server/modules/mcp-servers/schema';

export const mcpServersKey = ['mcp-servers'];

/** "Name: value" lines ↔ a record (headers; env uses "=" as its separator). */
export function parsePairs(text: string, separator: ':' | '='): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(separator);
    if (line.trim() === '') continue;
    if (at <= 0) throw new Error(`“${line.trim()}” is not written as name${separator} value`);
    pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return pairs;
}

/** The inverse of parsePairs, for a form's starting text. */
export function formatPairs(pairs: Record<string, string>, separator: ':' | '='): string {
  return Object.entries(pairs)
    .map(([name, value]) => `${name}${separator}${separator === ':' ? ' ' : ''}${value}`)
    .join('\n');
}
