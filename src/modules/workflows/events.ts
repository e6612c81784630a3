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

export {};
