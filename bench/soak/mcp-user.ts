import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { fetchWithOwnSignal } from '../own-signal-fetch.js';
import { sampleText } from './sample-text.js';
import { counted, type Tally } from './tally.js';

/** Calls a client makes in one session before it ends it (Claude Desktop and others reconnect often). */
const callsPerSession = 40;

/** Each step is one tools/call; `taskId` carries the task the step before added. */
const steps: ((taskId: string | undefined, n: number) => [string, Record<string, unknown>] | undefined)[] = [
  (_, n) => ['add_task', { title: `Soak task ${n}`, tags: ['soak'] }],
  () => ['list_tasks', { limit: 20 }],
  (taskId) => (taskId ? ['update_task', { task_id: taskId, priority: 'high' }] : undefined),
  () => ['summarize_text', { text: sampleText }],
  () => ['search_tasks', { query: 'soak' }],
  (taskId) => (taskId ? ['complete_task', { task_id: taskId }] : undefined),
  () => ['analyze_sentiment', { text: sampleText }],
  () => ['detect_language', { text: sampleText }],
  () => ['check_grammar', { text: sampleText }],
  () => ['detect_sensitive_info', { text: sampleText }],
  () => ['analyze_readability', { text: sampleText }],
  (taskId) => (taskId ? ['delete_task', { task_id: taskId }] : undefined),
];

/**
 * An MCP client (the official SDK over Streamable HTTP) calling task and text tools until
 * `until`, opening a new session every 40 calls and ending the old one.
 */
export async function mcpUser({ url, key, until, tally }: McpUserOptions): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    const client = new Client({ name: 'soak', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      fetch: fetchWithOwnSignal,
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    });
    if ((await counted(tally, () => client.connect(transport).then(() => true))) !== true) continue;
    let taskId: string | undefined;
    for (let call = 0; call < callsPerSession && Date.now() < until; call += 1, n += 1) {
      const step = steps[n % steps.length]?.(taskId, n);
      if (!step) continue;
      const [name, args] = step;
      const result = await counted(tally, async () => {
        const answer = await client.callTool({ name, arguments: args });
        if (answer.isError) throw new Error(`${name} failed: ${JSON.stringify(answer.content)}`);
        return answer;
      });
      if (name === 'add_task')
        taskId = (result?.structuredContent as { task?: { id: string } } | undefined)?.task?.id;
      if (name === 'delete_task') taskId = undefined;
    }
    await counted(tally, () => transport.terminateSession());
    await client.close();
  }
}

interface McpUserOptions {
  url: string;
  key: string;
  until: number;
  tally: Tally;
}
