/** One MCP client's ready-to-paste configuration. */
export interface ClientConfig {
  client: string;
  /** Where the file lives. */
  file: string;
  how: string;
  text: string;
}

const keyPlaceholder = 'sb_…';

/**
 * The configuration for Claude Desktop (stdio through `switchboard mcp`), Cursor and VS Code
 * (Streamable HTTP at /mcp), filled with this instance's address and, when there is one, a key.
 */
export function clientConfigs({ origin, apiKey }: { origin: string; apiKey?: string }): ClientConfig[] {
  const key = apiKey ?? keyPlaceholder;
  const url = `${origin}/mcp`;
  const headers = { Authorization: `Bearer ${key}` };
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      client: 'Claude Desktop',
      file: 'claude_desktop_config.json',
      how: 'Open it from Claude’s Settings → Developer → Edit Config. Over stdio: Claude starts Switchboard’s command-line relay, which talks to this server. Replace the path with where Switchboard is installed.',
      text: json({
        mcpServers: {
          switchboard: {
            command: 'node',
            args: ['/path/to/switchboard/bin/switchboard.js', 'mcp'],
            env: { SWITCHBOARD_API_KEY: key, SWITCHBOARD_URL: origin },
          },
        },
      }),
    },
    {
      client: 'Cursor',
      file: '~/.cursor/mcp.json (every project) or .cursor/mcp.json (one project)',
      how: 'Over Streamable HTTP, straight to this server.',
      text: json({ mcpServers: { switchboard: { url, headers } } }),
    },
    {
      client: 'VS Code',
      file: '.vscode/mcp.json in your workspace',
      how: 'Over Streamable HTTP, straight to this server.',
      text: json({ servers: { switchboard: { type: 'http', url, headers } } }),
    },
  ];
}
