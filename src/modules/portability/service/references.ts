/**
 * What an import renamed: an agent or workflow whose name was taken here got a copy with a
 * suffix, and whatever in the file named it (by its old name or its id in the file) must name the
 * copy: a workflow's agent and child-workflow steps, an agent's `agent__` and `workflow__` tools.
 */
export interface Renames {
  agents: Map<string, string>;
  workflows: Map<string, string>;
}

export const noRenames = (): Renames => ({ agents: new Map(), workflows: new Map() });

/** The workflow definition with its steps naming the agents and workflows as imported. */
export function renameInWorkflow(
  definition: Record<string, unknown>,
  renames: Renames,
): Record<string, unknown> {
  return rewriteSteps(definition, renames) as Record<string, unknown>;
}

function rewriteSteps(value: unknown, renames: Renames): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteSteps(item, renames));
  if (typeof value !== 'object' || value === null) return value;
  const object = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, rewriteSteps(inner, renames)]),
  );
  if (object.kind === 'agent' && typeof object.agent === 'string')
    object.agent = renames.agents.get(object.agent) ?? object.agent;
  if (object.kind === 'workflow' && typeof object.workflow === 'string')
    object.workflow = renames.workflows.get(object.workflow) ?? object.workflow;
  return object;
}

/** The agent definition with its tools naming the agents and workflows as imported. */
export function renameInAgent(agent: Record<string, unknown>, renames: Renames): Record<string, unknown> {
  if (!Array.isArray(agent.tools)) return agent;
  const tools = agent.tools.map((tool: unknown) => {
    if (typeof tool !== 'string') return tool;
    const [, kind, name] = /^(agent|workflow)__(.+)$/.exec(tool) ?? [];
    const renamed = kind === 'agent' ? renames.agents.get(name ?? '') : renames.workflows.get(name ?? '');
    return renamed === undefined ? tool : `${kind}__${renamed}`;
  });
  return { ...agent, tools };
}
