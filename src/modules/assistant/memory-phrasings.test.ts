import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConversation } from './conversation.js';
import { decide } from './decide.js';
import { loadLibraries } from './libraries.js';

const now = new Date('2026-12-06T10:00:00Z');
const tools = new Set([
  'add_task',
  'list_tasks',
  'create_note',
  'remember',
  'recall_memories',
  'forget_memory',
  'list_memories',
]);
const memoryId = `mem_${'0'.repeat(24)}deadbeef`;
const userSays = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] });

function stepFor(prompt: LanguageModelV3Prompt) {
  return decide({ conversation: readConversation(prompt), toolNames: tools, now, timeZone: 'UTC' });
}

/** A system prompt that recalled two memories. */
const recalled = [
  'You are Switchboard’s assistant.',
  '',
  'What you remember about the user (from earlier conversations; cite a memory by its [id] when you use it):',
  `[${memoryId}] My manager is Dana`,
  `[mem_${'1'.repeat(32)}] The wifi password at the cabin is pinecone42`,
].join('\n');

describe('the offline assistant’s memory phrasings', () => {
  beforeAll(() => loadLibraries());

  it.each([
    ['remember that my manager is Dana', 'My manager is Dana'],
    ['Please remember that I prefer tea over coffee.', 'I prefer tea over coffee'],
    ['remember my dentist is Dr. Okafor', 'My dentist is Dr. Okafor'],
    ['keep in mind that our standup is at 9:30', 'Our standup is at 9:30'],
    ['don’t forget that I am vegetarian', 'I am vegetarian'],
  ])('“%s” remembers “%s”', (said, text) => {
    expect(stepFor([userSays(said)])).toEqual({ type: 'call', toolName: 'remember', input: { text } });
  });

  it('leaves “remember this: …” to notes and “don’t forget to …” to tasks', () => {
    expect(stepFor([userSays('remember this: the code is 1234')])).toMatchObject({ toolName: 'create_note' });
    expect(stepFor([userSays('don’t forget to feed the cat')])).toMatchObject({ toolName: 'add_task' });
  });

  it.each(['what do you know about me?', 'What do you remember?', 'show my memories'])(
    '“%s” lists the memories',
    (said) => {
      expect(stepFor([userSays(said)])).toEqual({ type: 'call', toolName: 'list_memories', input: {} });
    },
  );

  it('forgets the memory the conversation just stored when told “forget that”', () => {
    const prompt: LanguageModelV3Prompt = [
      userSays('remember that my manager is Dana'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'c1',
            toolName: 'remember',
            input: { text: 'My manager is Dana' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'remember',
            output: { type: 'json', value: { memory: { id: memoryId, text: 'My manager is Dana' } } },
          },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'text', text: `I’ll remember that: “My manager is Dana” (id ${memoryId}).` }],
      },
      userSays('forget that'),
    ];
    expect(stepFor(prompt)).toEqual({
      type: 'call',
      toolName: 'forget_memory',
      input: { memory_id: memoryId },
    });
  });

  it('says there is nothing to forget when nothing was remembered', () => {
    expect(stepFor([userSays('forget that')])).toMatchObject({
      type: 'reply',
      text: expect.stringMatching(/nothing to forget/),
    });
  });

  it('answers a question from the memories in the system prompt, citing the id', () => {
    const step = stepFor([{ role: 'system', content: recalled }, userSays('who is my manager?')]);
    expect(step).toEqual({ type: 'reply', text: `You told me: “My manager is Dana” [${memoryId}].` });
  });

  it('does not answer from memory what no memory is about', () => {
    const step = stepFor([{ role: 'system', content: recalled }, userSays('who is my landlord?')]);
    expect(step.type === 'reply' ? step.text : '').not.toMatch(/You told me/);
  });
});
