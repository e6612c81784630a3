import type { AgentsService } from '../service.js';
import type { TeamService } from '../service/teams.js';
import { TeamInvalidError } from '../teams/errors.js';
import type { CreateTeamInput, TeamMember, UpdateTeamInput } from '../teams/schema.js';
import type { ListingSource } from './sources.js';

/**
 * Teams in the marketplace. A listed team names its members by agent id, and each member must be an
 * agent every user may run (a built-in, or a shared or published agent): a team whose member is
 * the author's private agent is refused until that agent is shared or published. An install is a
 * team of the installer's own, with the same members.
 */
export function teamListingSource({
  teams,
  agents,
}: {
  teams: TeamService;
  agents: Pick<AgentsService, 'get'>;
}): ListingSource {
  return {
    kind: 'team',
    async readForPublishing(actor, idOrName) {
      const team = await teams.get(actor, idOrName);
      const members: TeamMember[] = [];
      for (const [index, member] of team.members.entries()) {
        const agent = await agents.get(actor, member.agent);
        if (!agent.builtin && agent.visibility === 'private')
          throw new TeamInvalidError(
            `The member ${agent.name} is your private agent: share or publish it before the team`,
            `members.${index}.agent`,
          );
        members.push({ ...member, agent: agent.id });
      }
      return {
        sourceId: team.id,
        name: team.name,
        description: team.description,
        capabilities: [],
        version: team.version,
        document: {
          name: team.name,
          description: team.description,
          pattern: team.pattern,
          members,
          options: team.options,
        },
      };
    },
    async install(actor, document, name) {
      // The teams service checks the document as it checks any new team.
      const created = await teams.create(actor, { ...document, name } as CreateTeamInput);
      return { id: created.id };
    },
    async update(actor, targetId, document) {
      const current = await teams.get(actor, targetId);
      await teams.update(actor, targetId, { ...document, name: current.name } as UpdateTeamInput);
    },
  };
}
