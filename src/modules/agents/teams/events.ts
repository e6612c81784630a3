/** A team run's end (merged into the bus's `EventMap`). */
declare module '../../../bus/events.js' {
  interface EventMap {
    'agent.team.run.succeeded': { team_run_id: string; owner_id: string; error_code: string | null };
    'agent.team.run.failed': { team_run_id: string; owner_id: string; error_code: string | null };
  }
}

export {};
