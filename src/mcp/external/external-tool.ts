import type { UserActor } from '../../actor.js';
import type { EventBus } from '../../bus/event-bus.js';
import type { Clock } from '../../clock.js';
import type { ExternalTool as AssistantExternalTool } from '../../modules/chat/index.js';
import type { AuditService } from '../../modules/identity/index.js';
import type { McpServerConfig } from '../../modules/mcp-servers/index.js';
import { errorResult, type ToolCallResult } from '../../tools/tool-runner.js';
import { describeFailure, mcpServerErrorCode, toToolCallResult } from './call-result.js';
import type { RemoteTool, ServerConnection } from './server-connection.js';

/** An external server's tool, as the user's assistant sees it (chat's shape, plus which server it is). */
export interface ExternalTool extends AssistantExternalTool {
  serverId: string;
}

/**
 * `<server>__<tool>`, within what model APIs accept for a tool name (`^[a-zA-Z0-9_-]{1,64}$`):
 * other characters become `_` and the name is cut at 64. MCP allows names that would otherwise make
 * the provider refuse the whole request.
 */
export function namespacedName(serverName: string, toolName: string): string {
  return `${serverName}__${toolName.replace(/[^a-zA-Z0-9_-]/g, '_')}`.slice(0, 64);
}

/** What a remote tool looks like to the assistant, but for `call`. */
export function describeRemoteTool(server: McpServerConfig, tool: RemoteTool): Omit<ExternalTool, 'call'> {
  const title = tool.title ?? tool.annotations?.title;
  return {
    name: namespacedName(server.name, tool.name),
    ...(title ? { title } : {}),
    description: tool.description ?? '',
    inputSchema: tool.inputSchema,
    destructive: tool.annotations?.readOnlyHint !== true && tool.annotations?.destructiveHint !== false,
    serverId: server.id,
  };
}

/**
 * Calls an external tool for the actor, audited and announced like the tool runner's calls
 * (`tool.call`, `tool.called`, under the namespaced name). Answers every failure as an `isError`
 * result: bad arguments INVALID_INPUT, anything on the server's side MCP_SERVER_ERROR.
 */
export async function callExternalTool({
  actor,
  server,
  tool,
  args,
  signal,
  connection,
  refusal,
  audit,
  bus,
  clock,
  callTimeoutMs,
}: {
  actor: UserActor;
  server: McpServerConfig;
  tool: { remoteName: string; name: string };
  args: unknown;
  signal: AbortSignal;
  /** The server's current connection; none when it was changed or removed since the tools were listed. */
  connection: ServerConnection | undefined;
  /** Why the actor's server may not run, if it may not. */
  refusal: string | undefined;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  callTimeoutMs: number;
}): Promise<ToolCallResult> {
  const started = clock.now().getTime();
  const finish = (result: ToolCallResult) => {
    const durationMs = clock.now().getTime() - started;
    const status = result.isError ? 'failure' : 'success';
    const reason = result.isError ? String(result.structuredContent.error_code) : undefined;
    audit.recordSoon(actor, { action: 'tool.call', status, subject: tool.name, reason, durationMs });
    bus.publishSoon(actor, 'tool.called', {
      tool: tool.name,
      status,
      duration_ms: durationMs,
      surface: actor.via,
    });
    return result;
  };
  const failed = (message: string) => finish(errorResult({ code: mcpServerErrorCode, message }));

  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args)))
    return finish(
      errorResult({ code: 'INVALID_INPUT', message: 'arguments: must be an object', field: 'arguments' }),
    );
  if (refusal) return failed(refusal);
  if (!connection) return failed(`"${server.name}" was changed or removed since its tools were listed`);
  try {
    const result = await connection.call(tool.remoteName, (args ?? {}) as Record<string, unknown>, signal);
    return finish(toToolCallResult(result, server.name));
  } catch (error) {
    const why = signal.aborted ? 'The call was cancelled' : describeFailure(error, callTimeoutMs);
    return failed(`"${server.name}": ${why}`);
  }
}
