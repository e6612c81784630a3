/** A JSON-RPC error reply. */
export interface JsonRpcErrorReply {
  jsonrpc: '2.0';
  error: { code: number; message: string };
  id: string | number | null;
}

/** A JSON-RPC error answer for a request that never reached the MCP server (no id to echo). */
export function rpcError(code: number, message: string): JsonRpcErrorReply {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}
