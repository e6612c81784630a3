import type { ToolCallResultView, ToolList, ToolView } from '@server/tools/schema';
import { api } from '../../api/client';
import type { JsonSchema } from './schema-form/schema-fields';

/** A tool as GET /api/v1/tools lists it, its input schema read as the form needs it. */
export type ToolInfo = Omit<ToolView, 'input_schema'> & { input_schema: JsonSchema };

/** What a call answers: the readable text, the structured result, and whether the tool itself failed. */
export type ToolCallResult = ToolCallResultView;

/** The query key of the tool list. */
export const toolsKey = ['tools'] as const;

/** Every tool the user may call. */
export function listTools(signal: AbortSignal) {
  return api<ToolList>('/api/v1/tools', { signal }) as Promise<{ items: ToolInfo[] }>;
}

/** Calls a tool with its arguments as the body. */
export function callTool(name: string, body: Record<string, unknown>) {
  return api<ToolCallResult>(`/api/v1/tools/${encodeURIComponent(name)}`, { method: 'POST', body });
}

/** The tools by toolset, toolsets in alphabetical order (test fixtures last), tools in the server's order. */
export function groupByToolset(tools: ToolInfo[]): [toolset: string, tools: ToolInfo[]][] {
  const groups = new Map<string, ToolInfo[]>();
  for (const tool of tools) groups.set(tool.toolset, [...(groups.get(tool.toolset) ?? []), tool]);
  const rank = (name: string) => (name === 'Test fixtures' ? 1 : 0);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
