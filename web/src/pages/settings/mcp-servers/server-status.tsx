import type { McpServer } from './mcp-servers';

const tones = {
  green: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  red: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  grey: 'bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200',
};

/** Connected (with its tool count), error (with the reason), disabled, or not yet tried. */
export function ServerStatus({ server }: { server: McpServer }) {
  const { state, message, tool_count: toolCount } = server.status;
  const [tone, label] = !server.enabled
    ? (['grey', 'Disabled'] as const)
    : state === 'connected'
      ? (['green', 'Connected'] as const)
      : state === 'error'
        ? (['red', 'Error'] as const)
        : state === 'connecting'
          ? (['grey', 'Connecting…'] as const)
          : (['grey', 'Not connected yet'] as const);
  return (
    <div className="text-sm">
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{label}</span>
      {server.enabled && toolCount !== null && (
        <span className="ml-2 text-neutral-600 dark:text-neutral-400">
          {toolCount} {toolCount === 1 ? 'tool' : 'tools'}
        </span>
      )}
      {server.enabled && state === 'error' && message && (
        <p className="mt-1 text-red-800 dark:text-red-300">{message}</p>
      )}
    </div>
  );
}
