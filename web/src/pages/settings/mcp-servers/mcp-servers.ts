/** Shapes of /api/v1/mcp-servers, as the settings use them. */

export interface McpServerStatus {
  state: 'unknown' | 'connecting' | 'connected' | 'error';
  message: string | null;
  tool_count: number | null;
  checked_at: string | null;
}

export interface McpServer {
  id: string;
  name: string;
  transport: 'http' | 'stdio';
  url: string | null;
  /** Header names; every value is masked. */
  headers: Record<string, string>;
  command: string | null;
  args: string[];
  env: Record<string, string>;
  enabled: boolean;
  status: McpServerStatus;
  created_at: string;
  updated_at: string;
}

export interface McpServerTool {
  name: string;
  tool_name: string;
  title: string | null;
  description: string;
  input_schema: Record<string, unknown>;
  destructive: boolean;
}

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
