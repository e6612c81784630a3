import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

/** What stands in for a header or environment value in every answer: values are stored, never shown. */
export const maskedValue = '********';

/** Headers the transport sets itself; a server's headers may not replace them. */
const reservedHeaders = new Set([
  'accept',
  'connection',
  'content-length',
  'content-type',
  'host',
  'last-event-id',
  'mcp-protocol-version',
  'mcp-session-id',
  'transfer-encoding',
]);

const name = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,31}$/,
    'a lowercase letter, then up to 31 lowercase letters, digits, _ or -; it prefixes the server’s tool names',
  )
  .describe('Short and unique among your servers; its tools are named <name>__<tool>');
const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  // Zod runs this check even when the value is no URL (that failure is reported already).
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    message: 'put credentials in headers, not in the URL',
  })
  .describe('The Streamable HTTP endpoint, e.g. https://example.com/mcp');
const headers = z
  .record(
    z
      .string()
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'not a header name')
      .refine((header) => !reservedHeaders.has(header.toLowerCase()), 'this header is set by the transport'),
    z
      .string()
      .max(4096)
      .regex(/^[^\r\n]*$/, 'a header value is one line'),
  )
  .refine((record) => Object.keys(record).length <= 20, 'at most 20 headers')
  .describe(`Sent with every request (e.g. Authorization). Answers show ${maskedValue} for each value`);
const command = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .describe('The program to start (stdio servers, admins only)');
const args = z.array(z.string().max(4000)).max(50).describe('Its arguments');
const env = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'not an environment variable name'),
    z.string().max(4096),
  )
  .refine((record) => Object.keys(record).length <= 50, 'at most 50 variables')
  .describe(`Extra environment variables. Answers show ${maskedValue} for each value`);
const transport = z.enum(['http', 'stdio']);

const httpOnly = ['url', 'headers'] as const;
const stdioOnly = ['command', 'args', 'env'] as const;

export const createMcpServerInputSchema = z
  .object({
    name,
    transport: transport.default('http').describe('http (Streamable HTTP), or stdio (admins only)'),
    url: url.optional(),
    headers: headers.optional(),
    command: command.optional(),
    args: args.optional(),
    env: env.optional(),
    enabled: z.boolean().default(true),
  })
  .superRefine((input, context) => {
    const [needed, foreign] = input.transport === 'http' ? ['url', stdioOnly] : ['command', httpOnly];
    if (input[needed as 'url' | 'command'] === undefined)
      context.addIssue({ code: 'custom', path: [needed], message: `a ${input.transport} server needs one` });
    for (const field of foreign) {
      if (input[field] !== undefined)
        context.addIssue({ code: 'custom', path: [field], message: `not for a ${input.transport} server` });
    }
  });
export type CreateMcpServerInput = z.input<typeof createMcpServerInputSchema>;

export const updateMcpServerInputSchema = z
  .object({
    name: name.optional(),
    url: url.optional(),
    headers: headers
      .optional()
      .describe(`The new full set of headers; a value of ${maskedValue} keeps that header's stored value`),
    command: command.optional(),
    args: args.optional(),
    env: env.optional().describe(`The new full set; a value of ${maskedValue} keeps the stored value`),
    enabled: z.boolean().optional(),
  })
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  });
export type UpdateMcpServerInput = z.input<typeof updateMcpServerInputSchema>;

export const listMcpServersQuerySchema = z.object({
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type ListMcpServersQuery = z.input<typeof listMcpServersQuerySchema>;

export const mcpServerStatusSchema = z
  .object({
    state: z.enum(['unknown', 'connecting', 'connected', 'error']),
    message: z.string().nullable().describe('Why it is in error, or null'),
    code: z
      .string()
      .nullable()
      .describe(
        'A stable code when Switchboard itself keeps the server from running (MCP_SERVER_NAME_RESERVED), or null',
      ),
    tool_count: z.number().int().nullable(),
    checked_at: z.string().nullable().describe('When this instance last connected or tried to (ISO 8601)'),
  })
  .meta({ id: 'McpServerStatus' });
export type McpServerStatus = z.infer<typeof mcpServerStatusSchema>;

export const mcpServerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    transport,
    url: z.string().nullable(),
    headers: z.record(z.string(), z.string()).describe(`Header names, each value shown as ${maskedValue}`),
    command: z.string().nullable(),
    args: z.array(z.string()),
    env: z.record(z.string(), z.string()).describe(`Variable names, each value shown as ${maskedValue}`),
    enabled: z.boolean(),
    status: mcpServerStatusSchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'McpServer' });
export type McpServer = z.infer<typeof mcpServerSchema>;

export const mcpServerPageSchema = z.object({
  items: z.array(mcpServerSchema),
  next_cursor: z.string().nullable(),
});
export type McpServerPage = z.infer<typeof mcpServerPageSchema>;

export const mcpServerToolSchema = z.object({
  name: z.string().describe('The name the assistant calls it by: <server>__<tool>'),
  tool_name: z.string().describe('The name the server gave it'),
  title: z.string().nullable(),
  description: z.string(),
  input_schema: z.record(z.string(), z.unknown()).describe('JSON Schema of its arguments'),
  destructive: z.boolean(),
});
export type McpServerTool = z.infer<typeof mcpServerToolSchema>;

export const mcpServerToolsSchema = z.object({
  items: z.array(mcpServerToolSchema),
  status: mcpServerStatusSchema,
});
export type McpServerTools = z.infer<typeof mcpServerToolsSchema>;
