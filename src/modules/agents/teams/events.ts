import { z } from 'zod';

/** A team run's end (merged into the bus's `EventMap`). */
declare module '../../../bus/events.js' {
  interface EventMap {
    'agent.team.run.succeeded': { team_run_id: string; owner_id: string; error_code: string | null };
    'agent.team.run.failed': { team_run_id: string; owner_id: string; error_code: string | null };
  }
}

const teamRunEnd = z.object({
  team_run_id: z.string(),
  owner_id: z.string(),
  error_code: z.string().nullable(),
});

/** The payload schemas of a team run's events, for GET /api/v1/events/types. */
export const teamEventSchemas = {
  'agent.team.run.succeeded': teamRunEnd,
  'agent.team.run.failed': teamRunEnd,
};
