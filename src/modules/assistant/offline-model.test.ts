import {
  generateText,
  type ModelMessage,
  stepCountIs,
  streamText,
  type TextStreamPart,
  type ToolSet,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../test/helpers/identity.js';
import { renderTextImage } from '../../../test/text/render-text-image.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { actingAs, type UserActor } from '../../actor.js';
import type { Clock } from '../../clock.js';
import { assistantTools } from '../chat/assistant-tools.js';
import { createOfflineModel } from './offline-model.js';

/** Friday 21 November 2025, 10:00 UTC, for ever. */
const clock: Clock = { now: () => new Date('2025-11-21T10:00:00Z') };

describe('the offline assistant in the AI SDK loop', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { clock });
    const userActor = async (email: string) =>
      actingAs({ userId: (await seedUser(testApp.app, { email })).id, role: 'user', via: 'chat' });
    alice = await userActor('alice@example.com');
    bob = await userActor('bob@example.com');
  });
  afterAll(() => testApp.close());

  /** One exchange through streamText, as the chat runs it; `history` is the conversation so far. */
  async function chat(
    actor: UserActor,
    text: string,
    { history = [], tools }: { history?: ModelMessage[]; tools?: ToolSet } = {},
  ) {
    const messages: ModelMessage[] = [...history, { role: 'user', content: text }];
    const result = streamText({
      model: createOfflineModel({ clock, timeZone: 'UTC' }),
      tools: tools ?? assistantTools({ runner: testApp.app.tools, actor }),
      stopWhen: stepCountIs(8),
      messages,
    });
    const parts: TextStreamPart<ToolSet>[] = [];
    for await (const part of result.fullStream) parts.push(part);
    const response = await result.response;
    const calls = parts.flatMap((part) =>
      part.type === 'tool-call' ? [{ toolName: part.toolName, input: part.input }] : [],
    );
    return { parts, calls, text: await result.text, history: [...messages, ...response.messages] };
  }

  /** The loop run again on a conversation that ends with the user's approval answer. */
  async function continueChat(messages: ModelMessage[], tools: ToolSet) {
    const result = streamText({
      model: createOfflineModel({ clock, timeZone: 'UTC' }),
      tools,
      stopWhen: stepCountIs(8),
      messages,
    });
    return { text: await result.text };
  }

  const titles = async (actor: UserActor, status: 'pending' | 'completed') =>
    (await testApp.app.tasks.list(actor, { status })).items.map((task) => task.title);

  it('adds a task from plain English and says so, word by word', async () => {
    const { parts, calls, text } = await chat(alice, 'add buy milk to my list');
    expect(calls).toEqual([{ toolName: 'add_task', input: { title: 'Buy milk' } }]);
    expect(parts.some((part) => part.type === 'tool-result' && part.toolName === 'add_task')).toBe(true);
    expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(3);
    expect(text).toBe('Added “Buy milk” to your list.');
    expect(await titles(alice, 'pending')).toEqual(['Buy milk']);
  });

  it('reads “tomorrow” against the clock', async () => {
    const { text } = await chat(alice, 'remind me to call Sam tomorrow');
    const [task] = (await testApp.app.tasks.search(alice, { query: 'Sam' })).filter(
      (found) => found.title === 'Call Sam',
    );
    expect(task?.due_date).toBe('2025-11-22T00:00:00.000Z');
    expect(text).toBe('Added “Call Sam” to your list, due Sat 22 Nov.');
  });

  it('completes a task named by a word in two steps: search, then complete', async () => {
    const { calls, text } = await chat(alice, 'mark the milk one done');
    expect(calls.map((call) => call.toolName)).toEqual(['search_tasks', 'complete_task']);
    expect(text).toBe('Done: “Buy milk” is marked complete.');
    expect(await titles(alice, 'completed')).toEqual(['Buy milk']);
  });

  it('lists what is left to do, without the finished tasks', async () => {
    await chat(alice, 'todo: water the plants #home');
    const { calls, text } = await chat(alice, 'what’s left to do?');
    expect(calls).toEqual([{ toolName: 'list_tasks', input: { status: 'pending' } }]);
    expect(text).toBe(
      'You have 2 pending tasks:\n\n1. Water the plants — #home\n2. Call Sam — due Sat 22 Nov',
    );
  });

  it('gives the same answer to the same conversation', async () => {
    const first = await chat(alice, 'what’s left to do?');
    const second = await chat(alice, 'what’s left to do?');
    expect(second.parts).toEqual(first.parts);
  });

  it('answers the same without streaming', async () => {
    const streamed = await chat(alice, 'what’s left to do?');
    const generated = await generateText({
      model: createOfflineModel({ clock, timeZone: 'UTC' }),
      tools: assistantTools({ runner: testApp.app.tools, actor: alice }),
      stopWhen: stepCountIs(8),
      prompt: 'what’s left to do?',
    });
    expect(generated.text).toBe(streamed.text);
    expect(generated.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(generated.totalUsage.inputTokens).toBeGreaterThan(0);
    expect(generated.totalUsage.outputTokens).toBeGreaterThan(0);
  });

  it('asks which task when several match, and takes “the second one” as the answer', async () => {
    await chat(bob, 'add buy oat milk');
    await chat(bob, 'add buy almond milk');
    const asked = await chat(bob, 'I bought the milk');
    expect(asked.text).toContain('Several tasks match “milk”. Which one should I mark done?');
    expect(asked.text).toContain('1. Buy almond milk\n2. Buy oat milk');
    const answered = await chat(bob, 'the second one', { history: asked.history });
    expect(answered.calls.map((call) => call.toolName)).toEqual(['complete_task']);
    expect(answered.text).toBe('Done: “Buy oat milk” is marked complete.');
    expect(await titles(bob, 'completed')).toEqual(['Buy oat milk']);
  });

  it('finds only the user’s own tasks', async () => {
    const { text } = await chat(bob, 'delete the plants task');
    expect(text).toBe('I could not find a task matching “plants”.');
    expect(await titles(alice, 'pending')).toContain('Water the plants');
  });

  it('deletes only after the user approves, and leaves the task when they refuse', async () => {
    const tools = assistantTools({
      runner: testApp.app.tools,
      actor: bob,
      needsApproval: (tool) => tool.name === 'delete_task',
    });
    const asked = await chat(bob, 'delete the almond milk task', { tools });
    const request = asked.parts.find((part) => part.type === 'tool-approval-request');
    expect(request?.toolCall.toolName).toBe('delete_task');
    const answer = (approved: boolean): ModelMessage => ({
      role: 'tool',
      content: [{ type: 'tool-approval-response', approvalId: request?.approvalId ?? '', approved }],
    });
    const refused = await continueChat([...asked.history, answer(false)], tools);
    expect(refused.text).toBe('OK, I did not run delete_task. Nothing changed.');
    expect(await titles(bob, 'pending')).toEqual(['Buy almond milk']);
    const approved = await continueChat([...asked.history, answer(true)], tools);
    expect(approved.text).toBe('Deleted “Buy almond milk”.');
    expect(await titles(bob, 'pending')).toEqual([]);
  });

  it('finds a note by its words', async () => {
    await testApp.app.resources.create(alice, {
      kind: 'text',
      name: 'Boiler',
      content: 'The boiler service is due in March; the engineer is Dana.',
    });
    const { calls, text } = await chat(alice, 'find my notes about the boiler');
    expect(calls).toEqual([{ toolName: 'search_documents', input: { query: 'boiler', limit: 5 } }]);
    expect(text).toMatch(/^1 document about “boiler”:\n\n1\. \*\*Boiler\*\* \(id \S+\): .*\*\*boiler\*\*/);
  });

  it('summarizes a text and tells its language with the text tools', async () => {
    const summary = await chat(
      alice,
      'summarize this: The council met on Monday. It approved the new park. Work starts in spring. The park will have a pond.',
    );
    expect(summary.calls.map((call) => call.toolName)).toEqual(['summarize_text']);
    expect(summary.text).toMatch(/^Summary:\n\n.*park/s);
    const language = await chat(
      alice,
      'what language is this: Bonjour tout le monde, comment allez-vous ce matin ?',
    );
    expect(language.calls.map((call) => call.toolName)).toEqual(['detect_language']);
    expect(language.text).toMatch(/^It is French \(fr\)/);
  });

  it('reads the text of an image sent with the message', async () => {
    const image = await renderTextImage(['Meeting notes for Tuesday']);
    const result = streamText({
      model: createOfflineModel({ clock, timeZone: 'UTC' }),
      tools: assistantTools({ runner: testApp.app.tools, actor: alice }),
      stopWhen: stepCountIs(8),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'read the text in this image' },
            { type: 'image', image, mediaType: 'image/png' },
          ],
        },
      ],
    });
    expect((await result.steps).flatMap((step) => step.toolCalls.map((call) => call.toolName))).toEqual([
      'extract_image_text',
    ]);
    expect(await result.text).toMatch(
      /^I read this \(\d+% confidence\):\n\n```text\nMeeting notes for Tuesday\n```$/,
    );
  });

  it('says what failed when a tool refuses', async () => {
    const { parts, text } = await chat(alice, 'open the document 01JAAAAAAAAAAAAAAAAAAAAAAA');
    expect(parts.some((part) => part.type === 'tool-error')).toBe(true);
    expect(text).toMatch(/^That did not work: read_document failed\. .* \(RESOURCE_NOT_FOUND\)$/);
  });

  it('says so when the tool it needs is not offered', async () => {
    const { calls, text } = await chat(alice, 'add buy bread', { tools: {} });
    expect(calls).toEqual([]);
    expect(text).toBe('I would use the add_task tool for that, but it is not available in this chat.');
  });

  it('answers what it does not understand in one sentence and three suggestions, not the help text', async () => {
    const { calls, text } = await chat(alice, 'tell me a joke about penguins');
    expect(calls).toEqual([]);
    expect(text).toMatch(/^I did not understand that\.[^\n]*\n\n(?:- [^\n]+\n){2}- [^\n]+$/);
    expect(text).not.toContain('MODEL=openai');
  });

  it('tells how to add a model when asked for help', async () => {
    const { text } = await chat(alice, 'help');
    expect(text).toContain('no language model is configured');
    expect(text).toContain('MODEL=openai:gpt-4.1-mini');
    expect(text).toContain('MODEL=ollama:qwen2.5:14b');
  });
});
