import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { type WorkflowStepShape, workflowDefinitionSchema } from '../definition.js';
import { expressionProblem, templateExpressions } from '../expressions.js';
import { workflowTemplates } from './index.js';

/** Every step of a block, nested ones included, with the path the validator would name. */
function* stepsOf(steps: readonly WorkflowStepShape[], at: string): Generator<[string, WorkflowStepShape]> {
  for (const [index, step] of steps.entries()) {
    const path = `${at}[${index}]`;
    yield [path, step];
    if (step.kind === 'condition') {
      yield* stepsOf(step.then, `${path}.then`);
      yield* stepsOf(step.else, `${path}.else`);
    } else if (step.kind === 'parallel')
      for (const [branch, block] of step.branches.entries())
        yield* stepsOf(block, `${path}.branches[${branch}]`);
    else if (step.kind === 'foreach' || step.kind === 'loop') yield* stepsOf(step.steps, `${path}.steps`);
    else if (typeof step.on_error === 'object')
      yield* stepsOf([step.on_error.compensate], `${path}.on_error`);
  }
}

/** The bare expressions of a step (`if`, `condition`, `items`, `until`) and those in its `{{ }}`. */
function expressionsOf(step: WorkflowStepShape): string[] {
  const bare = [
    step.if,
    'condition' in step ? step.condition : undefined,
    'items' in step ? step.items : undefined,
  ];
  if (step.kind === 'loop') bare.push(step.until);
  const templated =
    step.kind === 'tool' || step.kind === 'workflow'
      ? templateExpressions(step.input)
      : step.kind === 'approval'
        ? templateExpressions(step.message)
        : [];
  return [...bare.filter((source): source is string => source !== undefined), ...templated];
}

const parsed = workflowTemplates.map((template) => ({
  template,
  definition: workflowDefinitionSchema.parse(template.definition),
}));

describe('the built-in workflow templates', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
  });
  afterAll(() => testApp.close());

  it('are at least six, each with its own id, named as its id', () => {
    expect(workflowTemplates.length).toBeGreaterThanOrEqual(6);
    expect(new Set(workflowTemplates.map((template) => template.id)).size).toBe(workflowTemplates.length);
    for (const { template, definition } of parsed) expect(definition.name).toBe(template.id);
  });

  it.each(parsed.map((entry) => [entry.template.id, entry] as const))(
    '%s: every expression parses, step ids are unique and needs name steps of the same block',
    (_id, { definition }) => {
      const all = [...stepsOf(definition.steps, 'steps')];
      const ids = all.map(([, step]) => step.id);
      expect(new Set(ids).size, 'step ids').toBe(ids.length);
      for (const [path, step] of all)
        for (const source of expressionsOf(step))
          expect(expressionProblem(source), `${path}: ${source}`).toBeUndefined();
      for (const source of templateExpressions(definition.output ?? {}))
        expect(expressionProblem(source), `output: ${source}`).toBeUndefined();
      const blocks = [definition.steps, ...all.flatMap(([, step]) => blocksOf(step))];
      for (const block of blocks) {
        const here = new Set(block.map((step) => step.id));
        for (const step of block)
          for (const need of step.needs ?? []) expect(here, `${step.id} needs ${need}`).toContain(need);
      }
    },
  );

  it.each(parsed.map((entry) => [entry.template.id, entry] as const))(
    '%s: every tool exists and every static input value fits its schema',
    (_id, { definition }) => {
      for (const [path, step] of stepsOf(definition.steps, 'steps')) {
        if (step.kind !== 'tool') continue;
        const tool = testApp.app.tools.get(step.tool);
        const shape = tool.input.shape as Record<string, z.ZodType>;
        for (const [field, value] of Object.entries(step.input)) {
          const schema = shape[field];
          expect(schema, `${path}.input.${field}: a field of ${step.tool}`).toBeDefined();
          if (templateExpressions(value).length > 0) continue;
          const result = schema?.safeParse(value);
          expect(result?.success, `${path}.input.${field} = ${JSON.stringify(value)}`).toBe(true);
        }
        for (const [field, schema] of Object.entries(shape))
          if (!schema.safeParse(undefined).success)
            expect(Object.keys(step.input), `${path}: ${step.tool} needs ${field}`).toContain(field);
      }
    },
  );
});

describe('docs/workflows.md and docs/pipelines.md', () => {
  const docs = ['workflows.md', 'pipelines.md']
    .map((file) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../docs', file), 'utf8'))
    .join('\n');

  it.each(workflowTemplates.map((template) => [template.id, template] as const))(
    'shows the %s template’s definition as it is',
    (id, template) => {
      const section = docs.split(/^### /m).find((part) => part.includes(`(\`${id}\`)`));
      const block = /```json\n([\s\S]*?)```/.exec(section ?? '')?.[1];
      expect(block, `a json block under the heading naming ${id}`).toBeDefined();
      expect(JSON.parse(block ?? 'null')).toEqual(template.definition);
    },
  );
});

function blocksOf(step: WorkflowStepShape): WorkflowStepShape[][] {
  if (step.kind === 'condition') return [step.then, step.else];
  if (step.kind === 'parallel') return step.branches;
  if (step.kind === 'foreach' || step.kind === 'loop') return [step.steps];
  return [];
}
