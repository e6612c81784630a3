import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { parseModelId } from '../../../models/model-id.js';
import type { AgentDefinition } from '../definition.js';
import type { AgentDeps } from '../deps.js';
import type { AgentHealth } from '../schema.js';
import { agentRuns } from '../table.js';
import { agentToolPrefix } from '../run/run-tools.js';
import type { AgentDefinitions } from './definitions.js';

/**
 * How an agent is doing for the asking user: whether its model answers and its tools exist, and
 * the user's own runs of it (count, success rate, p50/p95 duration, tokens, last error). Another
 * user's runs of a shared agent are never counted (nor revealed).
 */
export function createAgentHealth(deps: AgentDeps & { definitions: AgentDefinitions }) {
  const { db, models, definitions } = deps;

  /**
   * What an agent needs, checked for one caller: whether a model answers and which of its tools are
   * missing. The model choices and the caller's external tools are read once per checker.
   */
  function checker(actor: Actor) {
    let choices: ReturnType<typeof models.choices> | undefined;
    let external: Promise<Set<string>> | undefined;
    const externalNames = () =>
      (external ??= deps.externalTools
        .toolsFor(requireUser(actor))
        .then((tools) => new Set(tools.map((tool) => tool.name))));

    async function modelState(model: string | null) {
      const offered = await (choices ??= models.choices());
      const id = model ?? offered.default_model;
      const provider = parseModelId(id)?.provider;
      const status = offered.providers.find((candidate) => candidate.provider === provider);
      const reachable = provider === 'offline' || status?.state === 'ready';
      return {
        id,
        reachable,
        message: reachable ? null : (status?.message ?? `The model ${id} is not offered here`),
      };
    }

    async function missingTools(tools: string[]): Promise<string[]> {
      const runner = deps.tools();
      const missing: string[] = [];
      for (const name of tools) {
        if (name.startsWith(agentToolPrefix)) {
          const found = await definitions
            .get(actor, name.slice(agentToolPrefix.length))
            .catch(() => undefined);
          if (!found) missing.push(name);
        } else if (runner.has(name)) continue;
        else if (!name.includes('__') || !(await externalNames()).has(name)) missing.push(name);
      }
      return missing;
    }
    return { modelState, missingTools };
  }

  /** Why an agent cannot work now (its model down, tools missing), or null when it can. */
  async function downBecause(
    check: ReturnType<typeof checker>,
    definition: Pick<AgentDefinition, 'model' | 'tools'>,
  ): Promise<string | null> {
    const [model, missing] = await Promise.all([
      check.modelState(definition.model),
      check.missingTools(definition.tools),
    ]);
    if (!model.reachable) return model.message ?? `The model ${model.id} does not answer`;
    if (missing.length > 0) return `Tools not available: ${missing.join(', ')}`;
    return null;
  }

  return {
    async health(actor: Actor, idOrName: string): Promise<AgentHealth> {
      const { userId } = requireUser(actor);
      const agent = await definitions.loadVisible(actor, idOrName);
      const mine = and(eq(agentRuns.agentId, agent.id), eq(agentRuns.ownerId, userId));
      const [figures] = await db
        .select({
          runs: sql<number>`count(*)::int`,
          succeeded: sql<number>`count(*) filter (where ${agentRuns.status} = 'succeeded')::int`,
          ended: sql<number>`count(*) filter (where ${agentRuns.status} in ('succeeded', 'failed'))::int`,
          p50: sql<
            number | null
          >`percentile_cont(0.5) within group (order by extract(epoch from ${agentRuns.finishedAt} - ${agentRuns.startedAt}) * 1000) filter (where ${agentRuns.status} = 'succeeded')`,
          p95: sql<
            number | null
          >`percentile_cont(0.95) within group (order by extract(epoch from ${agentRuns.finishedAt} - ${agentRuns.startedAt}) * 1000) filter (where ${agentRuns.status} = 'succeeded')`,
          tokensIn: sql<number>`coalesce(sum(${agentRuns.tokensIn}), 0)::int`,
          tokensOut: sql<number>`coalesce(sum(${agentRuns.tokensOut}), 0)::int`,
        })
        .from(agentRuns)
        .where(mine);
      const [lastFailure] = await db
        .select({ error: agentRuns.error, at: agentRuns.finishedAt })
        .from(agentRuns)
        .where(and(mine, eq(agentRuns.status, 'failed')))
        .orderBy(desc(agentRuns.id))
        .limit(1);
      const check = checker(actor);
      const [model, missing] = await Promise.all([
        check.modelState(agent.definition.model),
        check.missingTools(agent.definition.tools),
      ]);
      const ended = figures?.ended ?? 0;
      return {
        agent_id: agent.id,
        name: agent.name,
        healthy: model.reachable && missing.length === 0,
        model: { id: model.id, reachable: model.reachable, message: model.message },
        tools: { available: missing.length === 0, missing },
        runs: figures?.runs ?? 0,
        success_rate: ended === 0 ? null : (figures?.succeeded ?? 0) / ended,
        p50_ms: figures?.p50 === null || figures?.p50 === undefined ? null : Math.round(Number(figures.p50)),
        p95_ms: figures?.p95 === null || figures?.p95 === undefined ? null : Math.round(Number(figures.p95)),
        tokens_in: figures?.tokensIn ?? 0,
        tokens_out: figures?.tokensOut ?? 0,
        last_error: lastFailure?.error
          ? { ...lastFailure.error, at: lastFailure.at?.toISOString() ?? null }
          : null,
      };
    },

    /**
     * The agents, of those given, that cannot work now for the caller, each with why (its model
     * unreachable, a tool missing): matching and the coordinator leave them out.
     */
    async unavailable(
      actor: Actor,
      candidates: { id: string; definition: Pick<AgentDefinition, 'model' | 'tools'> }[],
    ): Promise<Map<string, string>> {
      const check = checker(actor);
      const reasons = await Promise.all(
        candidates.map(async (agent) => [agent.id, await downBecause(check, agent.definition)] as const),
      );
      return new Map(reasons.filter((entry): entry is [string, string] => entry[1] !== null));
    },
  };
}

export type AgentHealthService = ReturnType<typeof createAgentHealth>;
