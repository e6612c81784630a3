import { dynamicTool, jsonSchema, type ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { loadTokenCounter } from '../../../models/token-counter.js';
import { fitContext } from './context-window.js';

const countTokens = await loadTokenCounter();

const turn = (index: number): ModelMessage[] => [
  { role: 'user', content: `question ${index} ${'word '.repeat(200)}` },
];
const answer = (index: number): ModelMessage[] => [
  { role: 'assistant', content: `answer ${index} ${'word '.repeat(200)}` },
];
const history = Array.from({ length: 10 }, (_, index) => [turn(index), answer(index)]).flat();
const bigTool = dynamicTool({
  description: 'x '.repeat(1500),
  inputSchema: jsonSchema({ type: 'object' }),
  execute: async () => ({}),
});

describe('fitting the history into the context window', () => {
  it('keeps everything that fits', async () => {
    const fitted = fitContext({
      system: 'hi',
      groups: history,
      tools: {},
      contextTokens: 100_000,
      countTokens,
    });
    expect(fitted.dropped).toBe(0);
    expect(fitted.messages).toHaveLength(20);
  });

  it('drops the oldest messages first, and starts with a user message', async () => {
    const fitted = fitContext({ system: 'hi', groups: history, tools: {}, contextTokens: 2000, countTokens });
    expect(fitted.dropped).toBeGreaterThan(0);
    expect(fitted.messages[0]?.role).toBe('user');
    expect(fitted.messages.at(-1)).toEqual(history.at(-1)?.[0]);
    expect(fitted.inputTokens).toBeLessThanOrEqual(1500);
  });

  it('keeps the latest question and the reply going on after it, even over budget', async () => {
    const continuing: ModelMessage[] = [{ role: 'assistant', content: 'calling a tool' }];
    const groups = [...history, turn(10), continuing];
    const fitted = fitContext({
      system: 'hi',
      groups,
      tools: { big: bigTool },
      contextTokens: 1000,
      countTokens,
    });
    expect(fitted.messages).toEqual([...turn(10), ...continuing]);
  });

  it('counts the tool definitions against the window', async () => {
    const without = fitContext({
      system: 'hi',
      groups: history,
      tools: {},
      contextTokens: 4000,
      countTokens,
    });
    const withTools = fitContext({
      system: 'hi',
      groups: history,
      tools: { big: bigTool },
      contextTokens: 4000,
      countTokens,
    });
    expect(withTools.messages.length).toBeLessThan(without.messages.length);
    expect(withTools.inputTokens).toBeLessThanOrEqual(3000);
  });

  it('counts each of the tools that share one input schema by its own description, turn after turn', async () => {
    // Every agent tool takes the same input schema object; each still has its own description.
    const shared = jsonSchema({ type: 'object', properties: { message: { type: 'string' } } });
    const agentTool = (description: string) =>
      dynamicTool({ description, inputSchema: shared, execute: async () => ({}) });
    const tools = { agent__short: agentTool('short'), agent__long: agentTool('long '.repeat(300)) };
    const alone = (name: keyof typeof tools) =>
      fitContext({
        system: 'hi',
        groups: [],
        tools: { [name]: tools[name] },
        contextTokens: 10_000,
        countTokens,
      }).inputTokens;
    const system = fitContext({ system: 'hi', groups: [], tools: {}, contextTokens: 10_000, countTokens });
    const expected = alone('agent__short') + alone('agent__long') - system.inputTokens;
    for (let turn = 0; turn < 3; turn += 1)
      expect(
        fitContext({ system: 'hi', groups: [], tools, contextTokens: 10_000, countTokens }).inputTokens,
      ).toBe(expected);
    expect(alone('agent__long')).toBeGreaterThan(alone('agent__short') + 250);
  });

  it('counts a tool anew when its description changes under the same name and schema', async () => {
    const shared = jsonSchema({ type: 'object', properties: { message: { type: 'string' } } });
    const described = (description: string) => ({
      agent__writer: dynamicTool({ description, inputSchema: shared, execute: async () => ({}) }),
    });
    const tokensWith = (description: string) =>
      fitContext({
        system: 'hi',
        groups: [],
        tools: described(description),
        contextTokens: 10_000,
        countTokens,
      }).inputTokens;
    const short = tokensWith('Writes');
    const long = tokensWith('Writes '.repeat(200));
    expect(long).toBeGreaterThan(short + 150);
    expect(tokensWith('Writes')).toBe(short);
  });
});
