import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { actingAs, type UserActor } from '../../../actor.js';
import type { WorkflowDefinitionInput } from '../definition.js';
import { WorkflowInvalidError } from '../errors.js';
import type { WorkflowDefinitions } from './definitions.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

/** A valid definition to break one thing in at a time. */
const base = (steps: unknown[], extra: Partial<WorkflowDefinitionInput> = {}): unknown => ({
  name: 'checked',
  steps,
  ...extra,
});
const addTask = (id: string, input: Record<string, unknown> = { title: 'A task' }, more = {}) => ({
  id,
  kind: 'tool',
  tool: 'add_task',
  input,
  ...more,
});

describe('validating a workflow definition', () => {
  let testApp: TestApp;
  let definitions: WorkflowDefinitions;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    definitions = testApp.app.workflows.definitions;
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
    await testApp.app.prompts.create(alice, {
      name: 'greet',
      template: 'Hello {{who}} from {{place}}',
      arguments: [{ name: 'who', required: true }, { name: 'place' }],
    });
  });
  afterAll(() => testApp.close());

  /** The WORKFLOW_INVALID error the definition gets, as `{ field, message }`. */
  const refusal = async (document: unknown, actor: UserActor = alice) => {
    const error = await definitions.validate(actor, document).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, 'the definition was accepted').toBeInstanceOf(WorkflowInvalidError);
    const { field, message, code } = error as WorkflowInvalidError;
    expect(code).toBe('WORKFLOW_INVALID');
    return { field, message };
  };

  it('accepts a DAG of tools, conditions, parallel branches, loops and expressions reading upstream steps', async () => {
    const definition = await definitions.validate(
      alice,
      base(
        [
          addTask('first', { title: '{{ input.title }}' }),
          {
            id: 'branch',
            kind: 'condition',
            needs: ['first'],
            condition: 'steps.first.output.task.priority == "high"',
            then: [addTask('urgent', { title: 'Urgent: {{ steps.first.output.task.title }}' })],
            else: [
              {
                id: 'each',
                kind: 'foreach',
                items: 'input.tags',
                concurrency: 2,
                steps: [addTask('tagged', { title: '{{ item }} #{{ index }}' })],
              },
            ],
          },
          {
            id: 'again',
            kind: 'loop',
            needs: ['branch'],
            until: 'steps.check.output.text.size() > 3',
            max_iterations: 3,
            steps: [
              { id: 'check', kind: 'tool', tool: 'clean_text', input: { text: '{{ steps.urgent.output }}' } },
            ],
          },
          { id: 'both', kind: 'parallel', branches: [[addTask('left')], [addTask('right')]] },
          {
            id: 'fragile',
            kind: 'tool',
            tool: 'clean_text',
            input: { text: 'x' },
            on_error: { compensate: addTask('undo', { title: 'Undo {{ error.code }}' }), then: 'continue' },
          },
          { id: 'greeting', kind: 'prompt', prompt: 'greet', arguments: { who: '{{ input.title }}' } },
          { id: 'nap', kind: 'sleep', duration_ms: 10 },
        ],
        {
          input_schema: {
            type: 'object',
            properties: { title: { type: 'string' }, tags: { type: 'array' } },
          },
          output: { made: '{{ steps.first.output.task.id }}' },
          triggers: [
            { kind: 'manual' },
            { kind: 'schedule', cron: '0 8 * * 1-5', time_zone: 'Europe/Paris' },
          ],
        },
      ),
    );
    expect(definition.steps).toHaveLength(7);
    expect(definition.triggers[1]).toMatchObject({ time_zone: 'Europe/Paris', input: {} });
  });

  it('refuses a document of the wrong shape, naming the step and writing the field with indexes', async () => {
    expect(
      await refusal(
        base([{ id: 'go', kind: 'condition', condition: 'true', then: [{ id: 'x', kind: 'tool' }] }]),
      ),
    ).toEqual({
      field: 'steps[0].then[0].tool',
      message: expect.stringMatching(/^Step "x": tool: /),
    });
    expect(await refusal(base([{ id: 'Bad Id', kind: 'sleep' }]))).toMatchObject({ field: 'steps[0].id' });
    expect(await refusal(base([{ id: 'odd', kind: 'teleport' }]))).toMatchObject({
      field: 'steps[0].kind',
      message: expect.stringContaining('Step "odd"'),
    });
    expect(await refusal({ steps: [] })).toMatchObject({ field: 'name' });
  });

  it('refuses an unknown tool', async () => {
    expect(
      await refusal(base([addTask('a'), { id: 'b', kind: 'tool', tool: 'no_such_tool', input: {} }])),
    ).toEqual({
      field: 'steps[1].tool',
      message: expect.stringContaining('Step "b": there is no tool named "no_such_tool"'),
    });
  });

  it('refuses a tool step calling the workflow tools (run, approvals, workflow__<name>), pointing at the step kinds', async () => {
    expect(
      await refusal(base([addTask('a'), { id: 'go', kind: 'tool', tool: 'run_workflow', input: {} }])),
    ).toEqual({ field: 'steps[1].tool', message: expect.stringContaining('use a `workflow` step') });
    for (const tool of ['list_approvals', 'answer_approval'])
      expect(await refusal(base([{ id: 'yes', kind: 'tool', tool, input: {} }]))).toEqual({
        field: 'steps[0].tool',
        message: expect.stringContaining('use an `approval` step'),
      });
    expect(await refusal(base([{ id: 'pub', kind: 'tool', tool: 'workflow__digest', input: {} }]))).toEqual({
      field: 'steps[0].tool',
      message: expect.stringContaining('Step "pub"'),
    });
  });

  it('refuses a static input the tool refuses: a wrong type, a missing required input, an input it does not take', async () => {
    const nested = (input: Record<string, unknown>) =>
      base([{ id: 'when', kind: 'condition', condition: 'true', then: [addTask('inner', input)] }]);
    expect(await refusal(nested({ title: 42 }))).toEqual({
      field: 'steps[0].then[0].input.title',
      message: expect.stringMatching(/^Step "inner": input\.title: .*\(tool add_task\)$/),
    });
    expect(await refusal(nested({ description: 'no title' }))).toMatchObject({
      field: 'steps[0].then[0].input.title',
      message: expect.stringContaining('is required'),
    });
    expect(await refusal(nested({ title: 'x', colour: 'red' }))).toMatchObject({
      field: 'steps[0].then[0].input.colour',
      message: expect.stringContaining('is not an input of this tool'),
    });
    expect(await refusal(nested({ title: 'x', tags: ['ok', 7] }))).toMatchObject({
      field: 'steps[0].then[0].input.tags[1]',
    });
  });

  it('leaves inputs holding {{ expressions }} to the run', async () => {
    await expect(
      definitions.validate(
        alice,
        base([addTask('a', { title: '{{ input.count }}', priority: '{{ input.p }}' })]),
      ),
    ).resolves.toBeDefined();
  });

  it('refuses a needs naming a step outside its block, no step, or itself', async () => {
    expect(
      await refusal(
        base([
          addTask('a'),
          {
            id: 'c',
            kind: 'condition',
            condition: 'true',
            then: [addTask('b', undefined, { needs: ['a'] })],
          },
        ]),
      ),
    ).toEqual({
      field: 'steps[1].then[0].needs[0]',
      message: expect.stringContaining('Step "b": needs "a", which is not in the same block'),
    });
    expect(await refusal(base([addTask('a', undefined, { needs: ['ghost'] })]))).toMatchObject({
      field: 'steps[0].needs[0]',
      message: expect.stringContaining('no step with that id'),
    });
    expect(await refusal(base([addTask('a', undefined, { needs: ['a'] })]))).toMatchObject({
      field: 'steps[0].needs[0]',
    });
  });

  it('refuses step ids used twice anywhere', async () => {
    expect(
      await refusal(
        base([addTask('a'), { id: 'p', kind: 'parallel', branches: [[addTask('b')], [addTask('a')]] }]),
      ),
    ).toEqual({
      field: 'steps[1].branches[1][0].id',
      message: 'Step "a": the id is already used by the step at steps[0]',
    });
  });

  it('refuses needs that go round in a cycle, naming it', async () => {
    expect(
      await refusal(
        base([
          addTask('a', undefined, { needs: ['c'] }),
          addTask('b', undefined, { needs: ['a'] }),
          addTask('c', undefined, { needs: ['b'] }),
        ]),
      ),
    ).toEqual({ field: 'steps[0].needs', message: 'Step "a": its needs go round in a cycle: a → c → b → a' });
  });

  it('refuses a CEL expression that does not parse, in every place expressions go', async () => {
    const bad = 'input.x ==';
    const cases: [unknown, string][] = [
      [base([addTask('a', undefined, { if: bad })]), 'steps[0].if'],
      [base([{ id: 'c', kind: 'condition', condition: bad }]), 'steps[0].condition'],
      [base([{ id: 'f', kind: 'foreach', items: bad, steps: [addTask('a')] }]), 'steps[0].items'],
      [
        base([{ id: 'l', kind: 'loop', until: bad, max_iterations: 2, steps: [addTask('a')] }]),
        'steps[0].until',
      ],
      [base([{ id: 'w', kind: 'wait_event', event: 'task.created', filter: bad }]), 'steps[0].filter'],
      [base([addTask('a', { title: `Hi {{ ${bad} }}` })]), 'steps[0].input.title'],
      [base([{ id: 'm', kind: 'model', prompt: `Say {{ ${bad} }}` }]), 'steps[0].prompt'],
      [base([{ id: 'ok', kind: 'approval', message: `{{ ${bad} }}` }]), 'steps[0].message'],
      [base([addTask('a')], { output: { x: `{{ ${bad} }}` } }), 'output.x'],
      [
        base([addTask('a')], { triggers: [{ kind: 'event', event: 'task.created', filter: bad }] }),
        'triggers[0].filter',
      ],
    ];
    for (const [document, field] of cases) {
      const { field: got, message } = await refusal(document);
      expect(got).toBe(field);
      expect(message).toContain(`"${bad}" is not valid`);
    }
  });

  it('refuses an expression reading a step that is not upstream, or no step', async () => {
    // needs given (empty) is kept as written; only a missing one is derived from the expressions.
    expect(
      await refusal(
        base([addTask('a'), { ...addTask('b', { title: '{{ steps.a.output.task.title }}' }), needs: [] }]),
      ),
    ).toEqual({
      field: 'steps[1].input.title',
      message: 'Step "b": reads steps.a, which may not have run yet: add "a" to its needs',
    });
    expect(
      await refusal(
        base([
          {
            id: 'c',
            kind: 'condition',
            condition: 'true',
            then: [addTask('yes')],
            else: [addTask('no', { title: '{{ steps.yes.output }}' })],
          },
        ]),
      ),
    ).toMatchObject({
      field: 'steps[0].else[0].input.title',
      message: expect.stringContaining('does not run before it'),
    });
    expect(
      await refusal(base([addTask('a', undefined, { if: 'steps["nobody"].status == "succeeded"' })])),
    ).toMatchObject({
      field: 'steps[0].if',
      message: expect.stringContaining('steps.nobody, but there is no step with that id'),
    });
    expect(
      await refusal(
        base([addTask('a')], {
          triggers: [{ kind: 'event', event: 'task.created', input: { t: '{{ steps.a.output }}' } }],
        }),
      ),
    ).toMatchObject({ field: 'triggers[0].input.t' });
  });

  it('refuses an unknown prompt, an argument it does not take, and a missing required one', async () => {
    expect(await refusal(base([{ id: 'p', kind: 'prompt', prompt: 'nowhere' }]))).toMatchObject({
      field: 'steps[0].prompt',
      message: expect.stringContaining('Step "p": there is no prompt named "nowhere"'),
    });
    expect(
      await refusal(base([{ id: 'p', kind: 'prompt', prompt: 'greet', arguments: { who: 'x', mood: 'y' } }])),
    ).toMatchObject({
      field: 'steps[0].arguments.mood',
    });
    expect(await refusal(base([{ id: 'p', kind: 'prompt', prompt: 'greet', arguments: {} }]))).toMatchObject({
      field: 'steps[0].arguments.who',
    });
    // Alice's private prompt does not exist for Bob.
    expect(
      await refusal(base([{ id: 'p', kind: 'prompt', prompt: 'greet', arguments: { who: 'x' } }]), bob),
    ).toMatchObject({
      field: 'steps[0].prompt',
    });
  });

  it('refuses a child workflow that does not exist, runs itself, or leads back to itself', async () => {
    expect(await refusal(base([{ id: 'child', kind: 'workflow', workflow: 'missing' }]))).toMatchObject({
      field: 'steps[0].workflow',
      message: expect.stringContaining('there is no workflow "missing"'),
    });
    expect(await refusal(base([{ id: 'child', kind: 'workflow', workflow: 'checked' }]))).toMatchObject({
      field: 'steps[0].workflow',
      message: expect.stringContaining('cannot run itself'),
    });
    const outer = await definitions.create(alice, { name: 'outer', steps: [addTask('a')] });
    await definitions.create(alice, {
      name: 'middle',
      steps: [{ id: 'run_outer', kind: 'workflow', workflow: 'outer' }],
    });
    expect(
      await definitions
        .update(alice, outer.id, {
          name: 'outer',
          steps: [{ id: 'run_middle', kind: 'workflow', workflow: 'middle' }],
        })
        .catch((error: WorkflowInvalidError) => ({ field: error.field, message: error.message })),
    ).toEqual({
      field: 'steps[0].workflow',
      message:
        'Step "run_middle": "middle" leads back to this workflow (through "middle"): it would run itself',
    });
  });

  it('refuses steps that can never run: an if always false, a branch a constant condition never takes', async () => {
    expect(await refusal(base([addTask('a'), addTask('b', undefined, { if: '1 > 2' })]))).toEqual({
      field: 'steps[1].if',
      message: 'Step "b": never runs: "1 > 2" is always false',
    });
    expect(
      await refusal(
        base([
          { id: 'c', kind: 'condition', condition: 'true', then: [addTask('yes')], else: [addTask('no')] },
        ]),
      ),
    ).toMatchObject({
      field: 'steps[0].else',
      message: expect.stringContaining('the else branch never runs'),
    });
    await expect(
      definitions.validate(alice, base([addTask('a', undefined, { if: 'input.go == true' })])),
    ).resolves.toBeDefined();
  });

  it('refuses an agent step naming an agent the user may not ask', async () => {
    expect(
      await refusal(base([{ id: 'helper', kind: 'agent', agent: 'no-such-agent', input: 'Write' }])),
    ).toMatchObject({
      field: 'steps[0].agent',
      message: expect.stringContaining('there is no agent named "no-such-agent"'),
    });
  });

  it('refuses a schedule DBOS would refuse: a bad cron, an unknown time zone, an input the input_schema refuses', async () => {
    const schedule = (trigger: Record<string, unknown>) =>
      base([addTask('a')], {
        input_schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
        triggers: [{ kind: 'schedule', cron: '0 8 * * *', input: { n: 1 }, ...trigger }],
      });
    expect(await refusal(schedule({ cron: '61 * * * *' }))).toMatchObject({
      field: 'triggers[0].cron',
      message: expect.stringContaining('is not a valid schedule'),
    });
    expect(await refusal(schedule({ time_zone: 'Mars/Olympus' }))).toMatchObject({
      field: 'triggers[0].time_zone',
    });
    expect(await refusal(schedule({ input: { n: 'one' } }))).toMatchObject({ field: 'triggers[0].input.n' });
    // Checked as runs check inputs (Ajv): a keyword zod cannot read is still applied.
    expect(
      await refusal(
        base([addTask('a')], {
          input_schema: { type: 'object', dependencies: { a: ['b'] } },
          triggers: [{ kind: 'schedule', cron: '0 8 * * *', input: { a: 1 } }],
        }),
      ),
    ).toMatchObject({ field: 'triggers[0].input', message: expect.stringContaining('property b') });
  });

  it('refuses an input_schema (or a step’s JSON Schema) that is not a valid JSON Schema', async () => {
    expect(
      await refusal(
        base([addTask('a')], { input_schema: { type: 'object', properties: { a: { type: 'strng' } } } }),
      ),
    ).toMatchObject({
      field: 'input_schema',
      message: expect.stringContaining('strng'),
    });
    expect(
      await refusal(base([addTask('a')], { input_schema: { type: 'object', required: 'a' } })),
    ).toMatchObject({
      field: 'input_schema.required',
    });
    expect(await refusal(base([addTask('a')], { input_schema: { type: 'string' } }))).toMatchObject({
      field: 'input_schema.type',
    });
    expect(
      await refusal(
        base([
          {
            id: 'ask',
            kind: 'model',
            prompt: 'x',
            output_schema: { type: 'object', properties: { n: { minLength: -1 } } },
          },
        ]),
      ),
    ).toMatchObject({
      field: 'steps[0].output_schema.properties.n.minLength',
      message: expect.stringContaining('Step "ask"'),
    });
  });
  it('refuses expressions and patterns that could hold the server: nested list macros, catastrophic regular expressions', async () => {
    expect(
      await refusal(
        base([addTask('a')], {
          triggers: [
            {
              kind: 'event',
              event: 'task.created',
              filter: 'event.xs.map(a, event.xs.map(b, a + b)).size() > 0',
            },
          ],
        }),
      ),
    ).toMatchObject({
      field: 'triggers[0].filter',
      message: expect.stringContaining('map() inside the body of map()'),
    });
    expect(await refusal(base([addTask('a', undefined, { if: 'input.s.matches("(a+)+$")' })]))).toMatchObject(
      { field: 'steps[0].if', message: expect.stringContaining('exponential time') },
    );
    expect(
      await refusal(
        base([addTask('a')], {
          input_schema: { type: 'object', properties: { s: { type: 'string', pattern: '^(a|aa)+$' } } },
        }),
      ),
    ).toMatchObject({
      field: 'input_schema.properties.s.pattern',
      message: expect.stringContaining('exponential time'),
    });
    expect(
      await refusal(
        base([
          {
            id: 'ok',
            kind: 'approval',
            message: 'Sure?',
            fields: { type: 'object', properties: { code: { type: 'string', pattern: '(x+x+)+y' } } },
          },
        ]),
      ),
    ).toMatchObject({
      field: 'steps[0].fields.properties.code.pattern',
      message: expect.stringContaining('Step "ok"'),
    });
  });
});
