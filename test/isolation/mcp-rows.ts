/**
 * The isolation matrix over MCP: every tool, and every kind of resource, and how each must treat
 * another user. A module that adds a tool adds its row here; mcp-matrix.test.ts fails for a tool
 * without one.
 */
import type { UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';
import { createPdfExtractor, textTools } from '../../src/modules/text/index.js';
import { pageUrl } from './rows.js';
import { onePixelPng } from '../helpers/sample-files.js';
import { seedApproval } from '../workflows/seed-rows.js';
import { workflowRunMcpRows } from './workflow-run-rows.js';
import { contextMcpRows, contextResourceRows } from './context-rows.js';
import { eventMcpRows } from './event-rows.js';
import { memoryMcpRows, memoryResourceRows } from './memory-rows.js';
import { agentMcpRows } from './agent-mcp-rows.js';

export interface McpRowContext {
  app: App;
  owner: UserActor;
}

export interface McpToolRow {
  tool: string;
  /** Arguments about a fresh object of the owner's (rows that delete need one per caller). */
  arguments(context: McpRowContext): Promise<Record<string, unknown>>;
  /** Item tools hide another user's object (a _NOT_FOUND error); collection tools answer with the caller's own items only. */
  otherUser: 'not_found' | 'own_items_only';
}

const ownerTask = async ({ app, owner }: McpRowContext) =>
  (await app.tasks.add(owner, { title: 'Owner’s secret task', description: 'owner-only words' })).id;
const ownerNote = async ({ app, owner }: McpRowContext) =>
  (
    await app.resources.create(owner, {
      kind: 'text',
      name: 'Owner’s secret note',
      content: 'owner-only words',
    })
  ).id;

const ownerWorkflow = async ({ app, owner }: McpRowContext) =>
  (
    await app.workflows.definitions.create(owner, {
      name: `owner-${Math.random().toString(36).slice(2, 8)}`,
      description: 'owner-only words',
      steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'From a workflow' } }],
    })
  ).id;

export const mcpToolRows: McpToolRow[] = [
  { tool: 'add_task', arguments: async () => ({ title: 'Matrix task' }), otherUser: 'own_items_only' },
  {
    tool: 'list_tasks',
    arguments: async (context) => (await ownerTask(context), {}),
    otherUser: 'own_items_only',
  },
  {
    tool: 'search_tasks',
    arguments: async (context) => (await ownerTask(context), { query: 'owner-only' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'complete_task',
    arguments: async (context) => ({ task_id: await ownerTask(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'update_task',
    arguments: async (context) => ({ task_id: await ownerTask(context), title: 'Changed' }),
    otherUser: 'not_found',
  },
  {
    tool: 'delete_task',
    arguments: async (context) => ({ task_id: await ownerTask(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'delete_tasks',
    arguments: async (context) => ({ task_ids: [await ownerTask(context)] }),
    otherUser: 'not_found',
  },
  {
    tool: 'search_documents',
    arguments: async (context) => (await ownerNote(context), { query: 'owner-only' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'read_document',
    arguments: async (context) => ({ document_id: await ownerNote(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'list_approvals',
    arguments: async ({ app, owner }) => (await seedApproval(app, owner.userId), { status: 'all' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'answer_approval',
    arguments: async ({ app, owner }) => ({
      approval_id: await seedApproval(app, owner.userId),
      approved: true,
    }),
    otherUser: 'not_found',
  },
  {
    tool: 'create_note',
    arguments: async () => ({ name: 'Matrix note', content: 'words' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'list_workflows',
    arguments: async (context) => (await ownerWorkflow(context), {}),
    otherUser: 'own_items_only',
  },
  {
    tool: 'get_workflow',
    arguments: async (context) => ({ workflow: await ownerWorkflow(context) }),
    otherUser: 'not_found',
  },
  ...workflowRunMcpRows,
  ...contextMcpRows,
  ...eventMcpRows,
  ...memoryMcpRows,
  ...agentMcpRows,
];

/** Tools that hold no user data — the text toolkit, pure functions of their input: any user gets the same answer. */
export const toolsWithoutUserData = new Set(
  textTools({
    textLimit: 1024,
    fetchPolicy: { timeoutMs: 1, maxBytes: 1, allowedHosts: [] },
    pdfExtractor: createPdfExtractor({
      limits: { maxUnpackedBytes: 1024, maxPages: 1, timeoutMs: 1000, memoryMb: 64 },
      searchableTextLimit: 1024,
    }),
  }).map((tool) => tool.name),
);

export interface McpResourceRow {
  kind: string;
  /** A fresh private resource of the owner's, by URI. */
  uri(context: McpRowContext): Promise<string>;
}

export const mcpResourceRows: McpResourceRow[] = [
  { kind: 'note', uri: async (context) => `switchboard://resources/${await ownerNote(context)}` },
  {
    kind: 'uploaded file',
    uri: async ({ app, owner }) =>
      (await app.resources.upload(owner, { filename: 'pixel.png', bytes: onePixelPng }, {})).uri,
  },
  {
    kind: 'web page',
    uri: async ({ app, owner }) =>
      (await app.resources.create(owner, { kind: 'url', url: await pageUrl() })).uri,
  },
  { kind: 'task', uri: async (context) => `switchboard://tasks/${await ownerTask(context)}` },
  ...contextResourceRows,
  ...memoryResourceRows,
];
