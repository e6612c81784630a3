import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { specialists } from '../../src/modules/agents/index.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { makePdf } from '../text/make-pdf.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

/** Each specialist, a request in plain words, the tool it must reach and words its answer holds. */
const cases: { agent: string; input: string; tool: string; answer: RegExp }[] = [
  {
    agent: 'text-cleaner',
    input: 'clean this text:   Hello    world  ',
    tool: 'clean_text',
    answer: /Hello world/,
  },
  {
    agent: 'diacritics-remover',
    input: 'remove the accents: café déjà vu',
    tool: 'remove_diacritics',
    answer: /cafe deja vu/,
  },
  {
    agent: 'text-analyzer',
    input: 'analyze this text: The cat sat on the mat. The dog sat too.',
    tool: 'analyze_text_basic',
    answer: /\d/,
  },
  {
    agent: 'grammar-checker',
    input: 'check the grammar of: She go to school every days.',
    tool: 'check_grammar',
    answer: /\S/,
  },
  {
    agent: 'summarizer',
    input:
      'summarize this: Switchboard is a workspace. It keeps tasks and documents. It runs workflows on a durable engine. It also runs agents that call tools.',
    tool: 'summarize_text',
    answer: /\S/,
  },
  {
    agent: 'language-detector',
    input: 'what language is this: Der schnelle braune Fuchs springt über den faulen Hund und läuft weiter.',
    tool: 'detect_language',
    answer: /German|de\b/i,
  },
  {
    agent: 'sentiment-analyzer',
    input: 'what is the sentiment of: I love this wonderful day, everything is great!',
    tool: 'analyze_sentiment',
    answer: /positive/i,
  },
  {
    agent: 'anonymizer',
    input: 'anonymize this: Write to john.smith@example.com or call +1 415 555 0100.',
    tool: 'anonymize_text',
    answer: /^(?![\s\S]*john\.smith@example\.com)[\s\S]+$/,
  },
  {
    agent: 'task-manager',
    input: 'add a task to water the plants tomorrow',
    tool: 'add_task',
    answer: /water the plants/i,
  },
  {
    agent: 'researcher',
    input: 'search my documents for lighthouse',
    tool: 'search_documents',
    answer: /lighthouse/i,
  },
  { agent: 'writer', input: 'note: the wifi password is on the fridge', tool: 'create_note', answer: /\S/ },
];

describe('the built-in specialists with the offline assistant', () => {
  let testApp: TestApp;
  let alice: UserActor;
  const steps: AnyBusEvent[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    await testApp.app.resources.create(alice, {
      kind: 'text',
      name: 'Lighthouse notes',
      content: 'The lighthouse keeper lights the lamp at dusk.',
    });
    testApp.app.bus.subscribe('agent.run.step', (event) => void steps.push(event));
  }, 180_000);
  afterAll(() => testApp?.close());

  it('are ready on a fresh install, shared with everyone and read-only', async () => {
    const { items } = await testApp.app.agents.list(alice, { mine: false, limit: 100 });
    const builtins = items.filter((agent) => agent.builtin).map((agent) => agent.name);
    expect(builtins.sort()).toEqual(specialists.map((definition) => definition.name).sort());
    for (const agent of items.filter((candidate) => candidate.builtin))
      expect(agent.definition.capabilities.length).toBeGreaterThan(0);
    await expect(
      testApp.app.agents.update(alice, 'summarizer', { description: 'Mine' }),
    ).rejects.toMatchObject({
      code: 'AGENT_NOT_FOUND',
    });
  });

  it.each(cases)(
    '$agent answers with $tool',
    async ({ agent, input, tool, answer }) => {
      const result = await testApp.app.agentRuns.ask(alice, agent, input, { timeout_ms: 120_000 });
      expect(result.error).toBeNull();
      expect(result.status).toBe('succeeded');
      expect(result.output).toMatch(answer);
      // The run's step events are published soon after the steps.
      await vi.waitFor(() => {
        const called = steps
          .filter((event) => event.type === 'agent.run.step' && event.data.run_id === result.run_id)
          .flatMap((event) => (event.type === 'agent.run.step' ? event.data.tool_calls : []));
        expect(called).toContain(tool);
      }, 10_000);
    },
    180_000,
  );

  it('pdf-reader reads an uploaded PDF', async () => {
    const pdf = Buffer.from(await makePdf({ pages: [['The quarterly report'], ['Revenue grew in Lisbon']] }));
    await testApp.app.resources.upload(alice, { filename: 'report.pdf', bytes: pdf }, {});
    const result = await testApp.app.agentRuns.ask(
      alice,
      'pdf-reader',
      'extract the text of the document report',
      {
        timeout_ms: 120_000,
      },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toMatch(/Lisbon/);
  }, 180_000);
});
