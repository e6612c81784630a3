/** The events this module publishes (merged into the bus's `EventMap`); all reach the owner's WebSocket. */
declare module '../../bus/events.js' {
  interface EventMap {
    'agent.created': { agent_id: string; owner_id: string; name: string };
    'agent.updated': { agent_id: string; owner_id: string; version: number };
    'agent.deleted': { agent_id: string; owner_id: string };
    'agent.run.started': {
      run_id: string;
      agent_id: string;
      owner_id: string;
      parent_run_id: string | null;
      depth: number;
    };
    /** One model step done, with the tools it called. */
    'agent.run.step': { run_id: string; owner_id: string; step: number; tool_calls: string[] };
    'agent.run.succeeded': { run_id: string; owner_id: string; duration_ms: number; steps: number };
    'agent.run.failed': { run_id: string; owner_id: string; error_code: string };
    'agent.run.cancelled': { run_id: string; owner_id: string };
    /** Emitted by the mailbox (agents-coop). */
    'agent.message.sent': { message_id: string; owner_id: string; channel: string; correlation_id?: string };
    'agent.message.acked': { message_id: string; owner_id: string; channel: string };
    'agent.message.redelivered': { message_id: string; owner_id: string; channel: string; attempt: number };
    'agent.message.dead_lettered': {
      message_id: string;
      owner_id: string;
      channel: string;
      attempts: number;
    };
  }
}

export {};
