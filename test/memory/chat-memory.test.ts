import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { type ChatHarness, startChatHarness } from '../chat/chat-harness.js';
import { describeEachVectorSearch } from '../helpers/vector-searches.js';

interface ChatAnswer {
  conversation_id: string;
  status: string;
  response: string;
  tool_calls: { tool: string; status: string; approval_id?: string; result: unknown }[];
}

const dana = 'My manager is Dana Whitfield';

describe('memory through the chat with the offline assistant', () => {
  let harness: ChatHarness;
  const ask = async (body: Record<string, unknown>) =>
    (await (await harness.chat('alice', body, { json: true })).json()) as ChatAnswer;

  beforeAll(async () => {
    harness = await startChatHarness({ model: 'offline', models: '' });
  }, 120_000);
  afterAll(() => harness.close());

  it('remembers in one conversation and answers from it in a later one, citing the memory', async () => {
    const told = await ask({ message: 'remember that my manager is Dana Whitfield' });
    expect(told.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual(['remember:success']);
    const memoryId = (told.tool_calls[0]?.result as { memory: { id: string } }).memory.id;
    expect(told.response).toContain(`“${dana}” (id ${memoryId})`);

    const later = await ask({ message: 'who is my manager?' });
    expect(later.conversation_id).not.toBe(told.conversation_id);
    expect(later.tool_calls).toEqual([]);
    expect(later.response).toBe(`You told me: “${dana}” [${memoryId}].`);
    const used = await harness.testApp.app.memories.get(
      actingAs({ userId: harness.userIds.alice, role: 'user' }),
      memoryId,
    );
    expect(used.used_count).toBeGreaterThanOrEqual(1);
  });

  it('lists what it knows, and bob’s chat knows nothing of alice’s memories', async () => {
    const known = await ask({ message: 'what do you know about me?' });
    expect(known.tool_calls.map((call) => call.tool)).toEqual(['list_memories']);
    expect(known.response).toContain(`- ${dana}`);
    const bob = (await (
      await harness.chat('bob', { message: 'who is my manager?' }, { json: true })
    ).json()) as ChatAnswer;
    expect(bob.response).not.toContain('Dana');
    const bobKnows = (await (
      await harness.chat('bob', { message: 'what do you know about me?' }, { json: true })
    ).json()) as ChatAnswer;
    expect(bobKnows.response).toMatch(/don’t remember anything/);
  });

  it('forgets what it was just told once the user approves “forget that”', async () => {
    const told = await ask({ message: 'remember that I am allergic to peanuts' });
    const memoryId = (told.tool_calls[0]?.result as { memory: { id: string } }).memory.id;
    const asked = await ask({ conversation_id: told.conversation_id, message: 'forget that' });
    expect(asked.status).toBe('awaiting_approval');
    const call = asked.tool_calls.find((toolCall) => toolCall.tool === 'forget_memory');
    const approved = await ask({
      conversation_id: told.conversation_id,
      approvals: [{ approval_id: String(call?.approval_id), approved: true }],
    });
    expect(approved.response).toBe('Forgotten: “I am allergic to peanuts”.');
    const response = await harness.request('alice', `/api/v1/memories/${memoryId}`);
    expect(response.status).toBe(404);
  });
});

describeEachVectorSearch(
  'memory through the chat with a hosted model (the fake OpenAI-compatible server)',
  (variant) => {
    let harness: ChatHarness;

    beforeAll(async () => {
      harness = await startChatHarness({
        embeddingModel: 'openai-compatible:fake-embedding',
        ...variant.settings,
      });
      expect(harness.testApp.app.memories.vectorSearch).toBe(variant.vectorSearch);
    }, 120_000);
    afterAll(() => harness.close());

    const remember = async (text: string) => {
      const response = await harness.request('alice', '/api/v1/memories', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, tags: ['people'] }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string };
    };

    it('keeps what the model remembers through the chat, and a later conversation’s system prompt holds it', async () => {
      const fact = 'My dentist is Dr. Okafor on Elm Street';
      harness.model.script(
        { toolCalls: [{ name: 'remember', arguments: { text: fact } }] },
        { text: 'I will remember that.' },
      );
      const told = (await (
        await harness.chat(
          'alice',
          { message: 'remember that my dentist is Dr. Okafor on Elm Street' },
          { json: true },
        )
      ).json()) as ChatAnswer;
      expect(told.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual(['remember:success']);
      const memoryId = (told.tool_calls[0]?.result as { memory: { id: string } }).memory.id;

      harness.model.script({ text: 'Dr. Okafor, on Elm Street.' });
      const later = (await (
        await harness.chat('alice', { message: 'who is my dentist?' }, { json: true })
      ).json()) as ChatAnswer;
      expect(later.conversation_id).not.toBe(told.conversation_id);
      expect(later.response).toBe('Dr. Okafor, on Elm Street.');
      const system = harness.model.requests.at(-1)?.messages.find((message) => message.role === 'system');
      expect(String(system?.content)).toContain(`[${memoryId}] ${fact}`);
    });

    it('sends the recalled memory, marked with its id, in the system prompt of a later conversation', async () => {
      const memory = await remember(dana);
      await remember('The wifi password at the cabin is pinecone42');
      harness.model.script({ text: 'Your manager is Dana Whitfield.' });
      const response = await harness.chat('alice', { message: 'Who is my manager?' }, { json: true });
      expect(((await response.json()) as ChatAnswer).response).toBe('Your manager is Dana Whitfield.');
      const system = harness.model.requests.at(-1)?.messages.find((message) => message.role === 'system');
      expect(String(system?.content)).toContain(`[${memory.id}] ${dana}`);
      expect(String(system?.content)).not.toContain('pinecone42');
    });

    it('embeds each memory once: chats, searches and the sweep never embed it again', async () => {
      const memory = await remember('Our team standup is at 9:30 every weekday');
      for (const message of ['when is the standup?', 'what time is the team standup?']) {
        harness.model.script({ text: 'At 9:30.' });
        await (await harness.chat('alice', { message }, { json: true })).json();
      }
      const search = await harness.request('alice', '/api/v1/memories/search?query=standup%20time');
      expect(((await search.json()) as { items: { id: string }[] }).items[0]?.id).toBe(memory.id);
      expect(await harness.testApp.app.memories.embedMissing()).toBe(0);
      const embedded = harness.model.embeddingRequests.flat();
      for (const text of [dana, 'Our team standup is at 9:30 every weekday'])
        expect(embedded.filter((input) => input === text)).toHaveLength(1);
      // Each recall embeds its query, once: two chats and one search.
      expect(embedded.filter((input) => /standup/.test(input))).toHaveLength(4);
    });
  },
);
