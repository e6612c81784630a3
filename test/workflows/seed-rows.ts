import type { App } from '../../src/app.js';
import { newId } from '../../src/ids.js';
import { workflowApprovals, workflowRuns } from '../../src/modules/workflows/table.js';

/** A run row for the owner, as the runs part writes one before its DBOS workflow starts. */
export async function insertRun(app: App, owner: { userId: string }, runId = newId()) {
  const now = new Date();
  await app.database.db.insert(workflowRuns).values({
    id: runId,
    ownerId: owner.userId,
    workflowName: 'harness',
    version: 1,
    definition: { name: 'harness', description: '', input_schema: {}, steps: [], triggers: [] },
    status: 'running',
    input: {},
    trigger: { kind: 'manual', surface: 'test' },
    createdAt: now,
    startedAt: now,
  });
  return { id: runId, ownerId: owner.userId };
}

/**
 * A pending approval of the owner's whose run has no DBOS workflow waiting (for the isolation
 * matrices: an answer is recorded and the missing workflow only logged).
 */
export async function seedApproval(
  app: App,
  ownerId: string,
  message = 'Owner’s approval, owner-only words',
) {
  const run = await insertRun(app, { userId: ownerId });
  const id = newId();
  await app.database.db.insert(workflowApprovals).values({
    id,
    ownerId,
    runId: run.id,
    stepPath: 'review',
    dbosWorkflowId: run.id,
    message,
    status: 'pending',
    createdAt: new Date(),
  });
  return id;
}
