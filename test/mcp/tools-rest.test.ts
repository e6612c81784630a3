import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('tools over REST', () => {
  let testApp: TestApp;
  let cookie: string;
  const call = (name: string, payload: unknown) =>
    as(testApp.app, { cookie })({ method: 'POST', url: `/api/v1/tools/${name}`, payload: payload as object });

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    await seedUser(testApp.app, { email: 'rest@example.com' });
    cookie = await signIn(testApp.app, 'rest@example.com');
  });
  afterAll(() => testApp.close());

  it('lists every tool with its JSON Schemas', async () => {
    const response = await as(testApp.app, { cookie })({ method: 'GET', url: '/api/v1/tools' });
    const list_tasks = response.json().items.find((tool: { name: string }) => tool.name === 'list_tasks');
    expect(list_tasks.input_schema.properties.status.enum).toEqual(['all', 'pending', 'completed']);
    expect(list_tasks.output_schema.properties).toHaveProperty('next_cursor');
    expect(list_tasks.annotations.read_only_hint).toBe(true);
  });

  it('names the toolset of every tool, so the app can group them', async () => {
    const response = await as(testApp.app, { cookie })({ method: 'GET', url: '/api/v1/tools' });
    const items: { name: string; toolset: unknown }[] = response.json().items;
    expect(items.length).toBeGreaterThan(30);
    for (const tool of items) expect(tool.toolset, tool.name).toEqual(expect.stringMatching(/\S/));
    const toolsets = Object.fromEntries(items.map((tool) => [tool.name, tool.toolset]));
    expect(toolsets).toMatchObject({
      add_task: 'Tasks',
      analyze_text_basic: 'Text analysis',
      extract_pdf_text: 'PDF',
    });
  });

  it('calls a tool with its arguments as the body and answers like MCP', async () => {
    const added = await call('add_task', { title: 'From REST' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({
      is_error: false,
      structured_content: { task: { title: 'From REST' } },
      content: [{ type: 'text' }],
    });
    const missing = await call('complete_task', { task_id: 'nope' });
    expect(missing.json()).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'TASK_NOT_FOUND' },
    });
  });

  it('names the argument document_id when read_document finds no such document', async () => {
    const missing = await call('read_document', { document_id: '01J00000000000000000000000' });
    expect(missing.statusCode).toBe(200);
    expect(missing.json()).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'RESOURCE_NOT_FOUND', field: 'document_id' },
    });
  });

  it('answers bad arguments with 400 naming the field, and an unknown tool with 404', async () => {
    const bad = await call('add_task', { title: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'title' });
    const unknown = await call('no_such_tool', {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('TOOL_NOT_FOUND');
  });

  it('lets a read-only key call read-only tools only', async () => {
    const { key } = await createApiKey(testApp.app, cookie, ['api:read']);
    const read = await as(testApp.app, { key })({
      method: 'POST',
      url: '/api/v1/tools/list_tasks',
      payload: {},
    });
    expect(read.statusCode).toBe(200);
    const write = await as(testApp.app, { key })({
      method: 'POST',
      url: '/api/v1/tools/add_task',
      payload: { title: 'x' },
    });
    expect(write.statusCode).toBe(403);
  });
});
