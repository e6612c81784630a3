import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { workflowApprovals, workflowRuns } from '../../src/modules/workflows/table.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { insertRun } from './seed-rows.js';
import { parseStep, registerStepHarness } from './step-harness.js';

describe('approval steps, answered from REST and MCP', () => {
  const harness = registerStepHarness();
  let testApp: TestApp;
  let alice: UserActor;
  let aliceCookie: string;
  let bobCookie: string;
  let mcp: Client;
  const events: AnyBusEvent[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    harness.useApp(testApp.app);
    const url = await testApp.app.listen();
    const user = await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    alice = actingAs({ userId: user.id, role: 'user', via: 'http' });
    aliceCookie = await signIn(testApp.app, 'alice@example.com');
    bobCookie = await signIn(testApp.app, 'bob@example.com');
    mcp = await connectMcpClient(testApp, { url, cookie: aliceCookie, name: 'approvals' });
    testApp.app.bus.subscribe('workflow.*', (event) => void events.push(event));
  });
  afterAll(async () => {
    await mcp?.close();
    await testApp?.close();
  });

  const asAlice = () => as(testApp.app, { cookie: aliceCookie });
  const asBob = () => as(testApp.app, { cookie: bobCookie });
  const pendingOf = async (runId: string) => {
    const inbox = (await asAlice()({ method: 'GET', url: '/api/v1/approvals' })).json();
    return inbox.items.filter((item: { run_id: string }) => item.run_id === runId);
  };
  /** The approval the run waits on, once its step has made it. */
  const approvalOf = async (runId: string, path: string) =>
    vi.waitFor(
      async () => {
        const found = (await pendingOf(runId)).find((item: { step_path: string }) => item.step_path === path);
        if (!found) throw new Error(`no approval for ${runId} ${path} yet`);
        return found as { id: string; message: string; fields: unknown; workflow_name: string };
      },
      { timeout: 20_000, interval: 100 },
    );
  const answer = (approvalId: string, body: object, caller = asAlice()) =>
    caller({ method: 'POST', url: `/api/v1/approvals/${approvalId}/answer`, payload: body });

  it('waits in the inbox, checks form values, resumes with the answer, and refuses a second answer', async () => {
    const run = await insertRun(testApp.app, alice);
    const step = parseStep({
      id: 'review',
      kind: 'approval',
      message: 'Publish the report?',
      fields: { type: 'object', properties: { budget: { type: 'number' } }, required: ['budget'] },
    });
    const handle = await DBOS.startWorkflow(harness.approval)(run, 'review', step);
    const pending = await approvalOf(run.id, 'review');
    expect(pending).toMatchObject({ message: 'Publish the report?', workflow_name: 'harness' });
    expect(pending.fields).toMatchObject({ required: ['budget'] });
    await expect
      .poll(() =>
        events.find((event) => event.type === 'workflow.run.waiting' && event.data.run_id === run.id),
      )
      .toMatchObject({ data: { waiting_for: 'approval', approval_id: pending.id, step_path: 'review' } });
    const [run1] = await testApp.app.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.id, run.id));
    expect(run1?.status).toBe('waiting');

    // Another user: not listed, not readable, not answerable.
    expect((await asBob()({ method: 'GET', url: '/api/v1/approvals' })).json().items).toEqual([]);
    expect((await asBob()({ method: 'GET', url: `/api/v1/approvals/${pending.id}` })).statusCode).toBe(404);
    const bobs = await answer(pending.id, { approved: true, values: { budget: 1 } }, asBob());
    expect(bobs.statusCode).toBe(404);
    expect(bobs.json().error.code).toBe('APPROVAL_NOT_FOUND');

    const missing = await answer(pending.id, { approved: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'values.budget' });
    const wrongType = await answer(pending.id, { approved: true, values: { budget: 'lots' } });
    expect(wrongType.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'values.budget' });

    const answered = await answer(pending.id, { approved: true, comment: 'Go', values: { budget: 300 } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'approved', answered_via: 'http', comment: 'Go' });

    const output = await handle.getResult();
    expect(output).toEqual({
      approved: true,
      comment: 'Go',
      values: { budget: 300 },
      answered_by: alice.userId,
      answered_at: expect.any(String),
    });
    const [run2] = await testApp.app.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.id, run.id));
    expect(run2?.status).toBe('running');
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'workflow.approval.answered',
        data: { approval_id: pending.id, run_id: run.id, owner_id: alice.userId, approved: true },
      }),
    );

    const again = await answer(pending.id, { approved: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPROVAL_ALREADY_ANSWERED');
    expect(await pendingOf(run.id)).toEqual([]);
    const all = (await asAlice()({ method: 'GET', url: '/api/v1/approvals?status=all' })).json();
    expect(all.items.map((item: { id: string }) => item.id)).toContain(pending.id);
  });

  it('is refused over MCP: a refusal is an answer the workflow gets, not a failure', async () => {
    const run = await insertRun(testApp.app, alice);
    const handle = await DBOS.startWorkflow(harness.approval)(
      run,
      'check',
      parseStep({ id: 'check', kind: 'approval', message: 'Send the invoice?' }),
    );
    const pending = await approvalOf(run.id, 'check');
    const listed = (await mcp.callTool({ name: 'list_approvals', arguments: {} })) as CallToolResult;
    expect(JSON.stringify(listed.structuredContent)).toContain(pending.id);

    const result = (await mcp.callTool({
      name: 'answer_approval',
      arguments: { approval_id: pending.id, approved: false, comment: 'Not yet' },
    })) as CallToolResult;
    expect(result.isError, JSON.stringify(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ approval: { status: 'refused', answered_via: 'mcp' } });
    expect(await handle.getResult()).toMatchObject({ approved: false, comment: 'Not yet', values: null });

    const twice = (await mcp.callTool({
      name: 'answer_approval',
      arguments: { approval_id: pending.id, approved: true },
    })) as CallToolResult;
    expect(twice.isError).toBe(true);
    expect(JSON.stringify(twice)).toContain('APPROVAL_ALREADY_ANSWERED');
  });

  it.each([
    ['first then second', ['first', 'second']],
    ['second then first', ['second', 'first']],
  ])('resumes each of two approvals in two child workflows with its own answer (%s)', async (_, order) => {
    const run = await insertRun(testApp.app, alice);
    const steps = ['first', 'second'].map((id) =>
      parseStep({ id, kind: 'approval', message: `Approve ${id}?` }),
    );
    const parent = await DBOS.startWorkflow(harness.twoApprovals)(run, steps);
    const approvals = {
      first: await approvalOf(run.id, 'first'),
      second: await approvalOf(run.id, 'second'),
    };
    const [earlier, later] = order as ['first' | 'second', 'first' | 'second'];
    expect((await answer(approvals[earlier].id, { approved: true, comment: earlier })).statusCode).toBe(200);
    // The answered one finishes with its own answer; the other still waits.
    expect(await DBOS.retrieveWorkflow(`${run.id}:${earlier}`).getResult()).toMatchObject({
      comment: earlier,
    });
    expect((await DBOS.getWorkflowStatus(`${run.id}:${later}`))?.status).toBe('PENDING');
    const [stillPending] = await testApp.app.database.db
      .select({ status: workflowApprovals.status })
      .from(workflowApprovals)
      .where(eq(workflowApprovals.id, approvals[later].id));
    expect(stillPending?.status).toBe('pending');

    expect((await answer(approvals[later].id, { approved: false, comment: later })).statusCode).toBe(200);
    expect(await parent.getResult()).toEqual([
      expect.objectContaining({ approved: 'first' === earlier, comment: 'first' }),
      expect.objectContaining({ approved: 'second' === earlier, comment: 'second' }),
    ]);
  });

  it('expires when its timeout passes unanswered: the step fails with APPROVAL_EXPIRED', async () => {
    const run = await insertRun(testApp.app, alice);
    const handle = await DBOS.startWorkflow(harness.approval)(
      run,
      'late',
      parseStep({ id: 'late', kind: 'approval', message: 'Quick?', timeout_ms: 1_000 }),
    );
    const pending = await approvalOf(run.id, 'late');
    await expect(handle.getResult()).rejects.toMatchObject({ code: 'APPROVAL_EXPIRED' });
    const late = await answer(pending.id, { approved: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/expired/);
  });
});
