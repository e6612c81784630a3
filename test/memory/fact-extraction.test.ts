import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { factsFrom } from '../../src/modules/memory/service/extract-facts.js';
import { type ChatHarness, startChatHarness } from '../chat/chat-harness.js';

interface MemoryView {
  id: string;
  text: string;
  tags: string[];
  importance: number;
  source: { kind: string; id: string | null };
}

describe('automatic memories from finished chat turns (MEMORY_EXTRACT, the fake model)', () => {
  let harness: ChatHarness;

  beforeAll(async () => {
    harness = await startChatHarness({ memoryExtract: 'true' });
  }, 120_000);
  afterAll(() => harness.close());

  /** Resolves with the first `count` memory.created events published from now on. */
  function nextMemories(count: number): Promise<AnyBusEvent[]> {
    const seen: AnyBusEvent[] = [];
    return new Promise((resolve) => {
      const stop = harness.testApp.app.bus.subscribe('memory.created', (event) => {
        seen.push(event);
        if (seen.length === count) {
          stop();
          resolve(seen);
        }
      });
    });
  }

  it('keeps the facts the model lists, tagged extracted with the user message as source; the user sees and deletes them', async () => {
    harness.model.script(
      { text: 'Aisle seats it is. I will book them for you and Maya.' },
      { text: '- The user prefers aisle seats on flights\n- The user travels with their sister Maya' },
    );
    const created = nextMemories(2);
    const response = await harness.chat(
      'alice',
      { message: 'Book me an aisle seat, I always sit on the aisle, and one for my sister Maya' },
      { json: true },
    );
    const answer = (await response.json()) as { conversation_id: string };
    await created;

    const extraction = harness.model.requests.at(-1);
    expect(extraction?.stream).toBe(false);
    const prompt = JSON.stringify(extraction?.messages);
    expect(prompt).toContain('lasting facts');
    expect(prompt).toContain('User: Book me an aisle seat');
    expect(prompt).toContain('Assistant: Aisle seats it is.');

    const listed = (await (await harness.request('alice', '/api/v1/memories?tag=extracted')).json()) as {
      items: MemoryView[];
    };
    expect(listed.items.map((memory) => memory.text).sort()).toEqual([
      'The user prefers aisle seats on flights',
      'The user travels with their sister Maya',
    ]);
    const conversation = (await (
      await harness.request('alice', `/api/v1/conversations/${answer.conversation_id}/messages`)
    ).json()) as { items: { id: string; role: string }[] };
    const question = conversation.items.find((message) => message.role === 'user');
    for (const memory of listed.items) {
      expect(memory).toMatchObject({ importance: 2, source: { kind: 'message', id: question?.id } });
    }
    const bobs = (await (await harness.request('bob', '/api/v1/memories')).json()) as { items: unknown[] };
    expect(bobs.items).toEqual([]);

    const first = listed.items[0];
    const deleted = await harness.request('alice', `/api/v1/memories/${first?.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const after = (await (await harness.request('alice', '/api/v1/memories?tag=extracted')).json()) as {
      items: MemoryView[];
    };
    expect(after.items).toHaveLength(1);
  });
});

describe('the facts of an extraction answer', () => {
  it('takes one a line without list marks, none for NONE, at most five', () => {
    expect(factsFrom('NONE')).toEqual([]);
    expect(factsFrom('none.\n')).toEqual([]);
    expect(factsFrom('1. The user likes tea\n* The user likes tea\n\n- The user lives in Porto')).toEqual([
      'The user likes tea',
      'The user lives in Porto',
    ]);
    expect(factsFrom(Array.from({ length: 9 }, (_, index) => `Fact ${index}`).join('\n'))).toHaveLength(5);
  });
});
