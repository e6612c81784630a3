import type { Actor } from '../../actor.js';
import { InvalidInputError } from '../../errors.js';
import type { ServiceDeps } from '../../service-deps.js';
import './events.js';
import { createEntryOperations } from './service/entries.js';
import { createMemberOperations, type MemberDirectory } from './service/members.js';
import { createPeopleOperations } from './service/people.js';
import { createSpaceOperations, type RunRef } from './service/spaces.js';

export type { MemberDirectory } from './service/members.js';
export type { RunRef } from './service/spaces.js';

/**
 * Shared context: spaces of versioned JSON entries that users (and their runs' steps and agents)
 * read and write together. Every method takes the actor first; a space the actor neither owns nor
 * is a member of is not found, a member whose role is too weak is refused (403).
 */
export function createContextService(deps: ServiceDeps & { directory: MemberDirectory }) {
  const spaces = createSpaceOperations(deps);
  return {
    spaces,
    members: createMemberOperations(deps, deps.directory),
    people: createPeopleOperations(deps, deps.directory),
    entries: createEntryOperations(deps),

    /**
     * A run's own space (`{ kind: 'team_run', id }` for an agent team run), made on first use and
     * owned by whoever the run acts as; the same space on every later call. The agents module calls
     * it; a workflow run's space is made by its steps' context tools.
     */
    createRunSpace: (actor: Actor, run: RunRef) => spaces.forRun(actor, run),

    /**
     * The space a tool call means: the one it names, else the space of the run it runs in (made
     * on first use). Outside a run the space must be named.
     */
    async resolveSpaceId(actor: Actor, space: string | undefined, run: RunRef | undefined): Promise<string> {
      if (space !== undefined) return space;
      if (!run)
        throw new InvalidInputError('space: name the context space (only a run’s steps may leave it out)', {
          field: 'space',
        });
      return (await spaces.forRun(actor, run)).id;
    },
  };
}

export type ContextService = ReturnType<typeof createContextService>;
