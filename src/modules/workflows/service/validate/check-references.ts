import type { UserActor } from '../../../../actor.js';
import type { ExternalTool } from '../../../../mcp/client-hub.js';
import type { ToolRunner } from '../../../../tools/tool-runner.js';
import type { PromptService } from '../../../prompts/index.js';
import type { WorkflowDefinition, WorkflowStepShape } from '../../definition.js';
import { fieldUnder, stepProblem } from './field-path.js';
import { jsonSchemaAsZod } from './json-schema.js';
import type { PlacedStep } from './step-tree.js';
import { staticInputProblem } from './static-input.js';
import { toolStepRefusal } from '../../tool-step-policy.js';

/** A workflow a child step may name, as the validator needs it. */
export interface ChildWorkflow {
  id: string;
  name: string;
  definition: WorkflowDefinition;
}

/** What the checks of names (tools, prompts, child workflows) look things up in. */
export interface ReferenceSources {
  tools: () => ToolRunner;
  externalTools: { toolsFor(actor: UserActor): Promise<ExternalTool[]> };
  prompts: Pick<PromptService, 'findByName'>;
  /** A workflow the actor may run (own or shared) by id or name, or undefined. */
  findWorkflow(actor: UserActor, idOrName: string): Promise<ChildWorkflow | undefined>;
  /** The agents module, where it runs: an agent step names an agent the actor may ask. */
  agents?: (() => { exists(actor: UserActor, agent: string): Promise<boolean> }) | undefined;
}

/** The workflow being saved: a child step naming it (or one that leads back to it) would recurse. */
export interface SelfReference {
  id?: string;
  names: string[];
}

/** How deep child workflows are followed looking for a way back. */
const childDepthLimit = 20;

/**
 * Refuses a tool that does not exist (the registry's, or the actor's external ones), a static input
 * the tool would refuse, an unknown prompt (or argument), a child workflow that does not exist or
 * leads back to the one being saved, and agent steps (they arrive with the agents module).
 */
export async function checkReferences(
  actor: UserActor,
  steps: PlacedStep[],
  sources: ReferenceSources,
  self: SelfReference,
): Promise<void> {
  let external: Promise<ExternalTool[]> | undefined;
  const externalTools = () => {
    external ??= sources.externalTools.toolsFor(actor);
    return external;
  };
  for (const placed of steps) {
    const { step, field } = placed;
    if (step.kind === 'agent') await checkAgent(actor, step, field, sources);
    if (step.kind === 'tool') await checkTool(step, field, sources, externalTools);
    if (step.kind === 'prompt') await checkPrompt(actor, step, field, sources);
    if (step.kind === 'workflow') await checkChild(actor, step, field, sources, self);
  }
}

async function checkAgent(
  actor: UserActor,
  step: Extract<WorkflowStepShape, { kind: 'agent' }>,
  field: string,
  sources: ReferenceSources,
): Promise<void> {
  const agents = sources.agents?.();
  if (!agents)
    throw stepProblem(step, `${field}.kind`, 'agent steps need the agents module, which is not running here');
  if (!(await agents.exists(actor, step.agent)))
    throw stepProblem(step, `${field}.agent`, `there is no agent named "${step.agent}" you may ask`);
}

async function checkTool(
  step: Extract<WorkflowStepShape, { kind: 'tool' }>,
  field: string,
  sources: ReferenceSources,
  externalTools: () => Promise<ExternalTool[]>,
): Promise<void> {
  const refusal = toolStepRefusal(step.tool);
  if (refusal) throw stepProblem(step, `${field}.tool`, refusal);
  const registered = sources
    .tools()
    .list()
    .find((tool) => tool.name === step.tool);
  const schema = registered
    ? registered.input
    : await externalTools().then((tools) => {
        const found = tools.find((tool) => tool.name === step.tool);
        return found ? (jsonSchemaAsZod(found.inputSchema) ?? null) : undefined;
      });
  if (schema === undefined)
    throw stepProblem(
      step,
      `${field}.tool`,
      `there is no tool named "${step.tool}" (see GET /api/v1/tools, or your MCP servers' tools)`,
    );
  if (schema === null) return;
  const problem = staticInputProblem(schema, step.input);
  if (problem)
    throw stepProblem(
      step,
      fieldUnder(`${field}.input`, problem.path),
      `${fieldUnder('input', problem.path)}: ${problem.message} (tool ${step.tool})`,
    );
}

async function checkPrompt(
  actor: UserActor,
  step: Extract<WorkflowStepShape, { kind: 'prompt' }>,
  field: string,
  sources: ReferenceSources,
): Promise<void> {
  const prompt = await sources.prompts.findByName(actor, step.prompt);
  if (!prompt)
    throw stepProblem(
      step,
      `${field}.prompt`,
      `there is no prompt named "${step.prompt}" among yours or the shared ones`,
    );
  const declared = new Set(prompt.arguments.map((argument) => argument.name));
  const unknown = Object.keys(step.arguments).find((name) => !declared.has(name));
  if (unknown !== undefined)
    throw stepProblem(
      step,
      `${field}.arguments.${unknown}`,
      `the prompt "${step.prompt}" has no argument "${unknown}"`,
    );
  const missing = prompt.arguments.find(
    (argument) => argument.required && argument.default === undefined && !(argument.name in step.arguments),
  );
  if (missing)
    throw stepProblem(
      step,
      `${field}.arguments.${missing.name}`,
      `the prompt "${step.prompt}" requires "${missing.name}"`,
    );
}

async function checkChild(
  actor: UserActor,
  step: Extract<WorkflowStepShape, { kind: 'workflow' }>,
  field: string,
  sources: ReferenceSources,
  self: SelfReference,
): Promise<void> {
  const isSelf = (child: { id?: string; name: string } | string) =>
    typeof child === 'string'
      ? child === self.id || self.names.includes(child)
      : child.id === self.id || (self.id === undefined && self.names.includes(child.name));
  if (isSelf(step.workflow))
    throw stepProblem(step, `${field}.workflow`, 'a workflow cannot run itself as a child');
  const child = await sources.findWorkflow(actor, step.workflow);
  if (!child)
    throw stepProblem(
      step,
      `${field}.workflow`,
      `there is no workflow "${step.workflow}" among yours or the shared ones`,
    );
  // Follow the child's own child steps: one that leads back here would run forever.
  const seen = new Set<string>([child.id]);
  let frontier = [child];
  for (let depth = 0; depth < childDepthLimit && frontier.length > 0; depth += 1) {
    const next: ChildWorkflow[] = [];
    for (const parent of frontier) {
      for (const name of childNames(parent.definition.steps as WorkflowStepShape[])) {
        if (isSelf(name))
          throw stepProblem(
            step,
            `${field}.workflow`,
            `"${step.workflow}" leads back to this workflow (through "${parent.name}"): it would run itself`,
          );
        const found = await sources.findWorkflow(actor, name);
        if (!found || seen.has(found.id)) continue;
        if (isSelf(found))
          throw stepProblem(
            step,
            `${field}.workflow`,
            `"${step.workflow}" leads back to this workflow (through "${parent.name}"): it would run itself`,
          );
        seen.add(found.id);
        next.push(found);
      }
    }
    frontier = next;
  }
}

/** The workflows a list of steps runs as children, all the way down its blocks. */
function childNames(steps: WorkflowStepShape[]): string[] {
  return steps.flatMap((step): string[] => {
    switch (step.kind) {
      case 'workflow':
        return [step.workflow];
      case 'condition':
        return [...childNames(step.then), ...childNames(step.else)];
      case 'parallel':
        return step.branches.flatMap(childNames);
      case 'foreach':
      case 'loop':
        return childNames(step.steps);
      default:
        return typeof step.on_error === 'object' ? childNames([step.on_error.compensate]) : [];
    }
  });
}
