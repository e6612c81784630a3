import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`); all reach the owner's WebSocket. */
declare module '../../bus/events.js' {
  interface EventMap {
    'workflow.created': { workflow_id: string; owner_id: string; name: string };
    'workflow.updated': { workflow_id: string; owner_id: string; version: number };
    'workflow.deleted': { workflow_id: string; owner_id: string };
    'workflow.run.started': { run_id: string; workflow_id: string | null; owner_id: string; trigger: string };
    'workflow.step.completed': {
      run_id: string;
      owner_id: string;
      step_path: string;
      status: 'succeeded' | 'skipped';
      duration_ms: number;
    };
    'workflow.step.failed': { run_id: string; owner_id: string; step_path: string; error_code: string };
    'workflow.run.waiting': {
      run_id: string;
      owner_id: string;
      step_path: string;
      /** What it waits for: an approval (with its id), an event, or time. */
      waiting_for: 'approval' | 'event' | 'sleep';
      approval_id?: string;
    };
    'workflow.run.completed': { run_id: string; owner_id: string; duration_ms: number };
    'workflow.run.failed': { run_id: string; owner_id: string; error_code: string; step_path?: string };
    'workflow.run.cancelled': { run_id: string; owner_id: string };
    /** A pipeline item ended: which, how, and the run's counts after it. */
    'workflow.pipeline.progress': {
      run_id: string;
      owner_id: string;
      item_index: number;
      item_status: 'succeeded' | 'failed';
      total: number;
      done: number;
      failed: number;
    };
    'workflow.approval.answered': {
      approval_id: string;
      run_id: string;
      owner_id: string;
      approved: boolean;
    };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const workflowEventSchemas = {
  'workflow.created': z.object({ workflow_id: id, owner_id: id, name: z.string() }),
  'workflow.updated': z.object({ workflow_id: id, owner_id: id, version: z.number().int() }),
  'workflow.deleted': z.object({ workflow_id: id, owner_id: id }),
  'workflow.pipeline.progress': z.object({
    run_id: id,
    owner_id: id,
    item_index: z.number().int(),
    item_status: z.enum(['succeeded', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
  }),
  'workflow.run.started': z.object({
    run_id: id,
    workflow_id: id.nullable(),
    owner_id: id,
    trigger: z.string(),
  }),
  'workflow.step.completed': z.object({
    run_id: id,
    owner_id: id,
    step_path: z.string(),
    status: z.enum(['succeeded', 'skipped']),
    duration_ms: z.number(),
  }),
  'workflow.step.failed': z.object({
    run_id: id,
    owner_id: id,
    step_path: z.string(),
    error_code: z.string(),
  }),
  'workflow.run.waiting': z.object({
    run_id: id,
    owner_id: id,
    step_path: z.string(),
    waiting_for: z.enum(['approval', 'event', 'sleep']),
    approval_id: id.optional(),
  }),
  'workflow.run.completed': z.object({ run_id: id, owner_id: id, duration_ms: z.number() }),
  'workflow.run.failed': z.object({
    run_id: id,
    owner_id: id,
    error_code: z.string(),
    step_path: z.string().optional(),
  }),
  'workflow.run.cancelled': z.object({ run_id: id, owner_id: id }),
  'workflow.approval.answered': z.object({
    approval_id: id,
    run_id: id,
    owner_id: id,
    approved: z.boolean(),
  }),
};
