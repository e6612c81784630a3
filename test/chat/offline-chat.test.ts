import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { streamedText, uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe('the offline assistant through the same chat loop', () => {
  let harness: ChatHarness;
  const alice = () => actingAs({ userId: harness.userIds.alice, role: 'user' });

  beforeAll(async () => {
    harness = await startChatHarness({ model: 'offline', models: '' });
  });
  afterAll(() => harness.close());

  it('adds a task from a plain sentence, showing the tool call with its result in the stream', async () => {
    const chunks = await uiChunks(await harness.chat('alice', { message: 'add buy milk to my list' }));
    expect(chunks.find((chunk) => chunk.type === 'tool-input-available')).toMatchObject({
      toolName: 'add_task',
      input: { title: expect.stringMatching(/buy milk/i) },
    });
    expect(chunks.find((chunk) => chunk.type === 'tool-output-available')).toMatchObject({
      output: { task: { title: expect.stringMatching(/buy milk/i), status: 'pending' } },
    });
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').length).toBeGreaterThan(2);
    expect(streamedText(chunks)).toMatch(/milk/i);
    const tasks = await harness.testApp.app.tasks.list(alice(), {});
    expect(tasks.items.map((task) => task.title.toLowerCase())).toContain('buy milk');
    expect(harness.model.requests).toHaveLength(0);
  });

  it('keeps the conversation: a follow-up completes the task it added', async () => {
    const first = (await (
      await harness.chat('alice', { message: 'add water the plants to my list' }, { json: true })
    ).json()) as {
      conversation_id: string;
    };
    const done = (await (
      await harness.chat(
        'alice',
        { conversation_id: first.conversation_id, message: 'mark the plants one done' },
        { json: true },
      )
    ).json()) as { tool_calls: { tool: string; status: string }[]; response: string };
    expect(done.tool_calls.map((call) => `${call.tool}:${call.status}`)).toContain('complete_task:success');
    const tasks = await harness.testApp.app.tasks.list(alice(), { status: 'completed' });
    expect(tasks.items.map((task) => task.title.toLowerCase())).toContain('water the plants');
  });

  it('deletes a task once the user approves, and says so', async () => {
    const first = (await (
      await harness.chat('alice', { message: 'add feed the cat to my list' }, { json: true })
    ).json()) as { conversation_id: string };
    const asked = (await (
      await harness.chat(
        'alice',
        { conversation_id: first.conversation_id, message: 'delete the cat task' },
        { json: true },
      )
    ).json()) as { status: string; tool_calls: { tool: string; approval_id?: string }[] };
    expect(asked.status).toBe('awaiting_approval');
    const call = asked.tool_calls.find((toolCall) => toolCall.tool === 'delete_task');
    const approved = (await (
      await harness.chat(
        'alice',
        {
          conversation_id: first.conversation_id,
          approvals: [{ approval_id: String(call?.approval_id), approved: true }],
        },
        { json: true },
      )
    ).json()) as { status: string; response: string };
    expect(approved.status).toBe('complete');
    expect(approved.response).toMatch(/Deleted “Feed the cat”/);
  });

  it('says in one sentence that it does not understand, with three suggestions, not the help text', async () => {
    const body = (await (
      await harness.chat('alice', { message: 'what is the meaning of life?' }, { json: true })
    ).json()) as {
      response: string;
      tool_calls: unknown[];
    };
    expect(body.tool_calls).toEqual([]);
    expect(body.response).toMatch(
      /^I did not understand that\. Without a language model[^\n]*\n\n(?:- [^\n]+\n){2}- [^\n]+$/,
    );
  });

  /** The hour of a stored due date in a time zone ("17"). */
  const hourIn = (due: string | null, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(due ?? ''),
    );

  async function addAndRead(message: string, timeZone?: string) {
    const body = (await (
      await harness.chat('bob', { message, ...(timeZone ? { time_zone: timeZone } : {}) }, { json: true })
    ).json()) as { tool_calls: { result: { task: { due_date: string | null } } }[] };
    return body.tool_calls[0]?.result.task.due_date ?? null;
  }

  it('reads “tomorrow at 5” in the time zone the browser sends; a time zone set in the profile wins', async () => {
    expect(
      hourIn(await addAndRead('remind me to call Ana tomorrow at 5', 'America/New_York'), 'America/New_York'),
    ).toBe('17');
    const patched = await harness.request('bob', '/api/v1/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ time_zone: 'Asia/Tokyo', week_start: 'sunday' }),
    });
    expect(await patched.json()).toMatchObject({ time_zone: 'Asia/Tokyo', week_start: 'sunday' });
    expect(
      hourIn(await addAndRead('remind me to call Ben tomorrow at 5', 'America/New_York'), 'Asia/Tokyo'),
    ).toBe('17');
  });

  it('follows “it” on /v1/chat/completions, where the client sends the history as text', async () => {
    const complete = async (messages: { role: string; content: string }[]) => {
      const response = await harness.request('alice', '/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'switchboard', messages }),
      });
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      return body.choices[0]?.message.content ?? '';
    };
    const first = { role: 'user', content: 'add a task to buy oat milk tomorrow' };
    const added = await complete([first]);
    expect(added).toMatch(/^Added “Buy oat milk”/);
    const done = await complete([
      first,
      { role: 'assistant', content: added },
      { role: 'user', content: 'mark it as done' },
    ]);
    expect(done).toBe('Done: “Buy oat milk” is marked complete.');
    const tasks = await harness.testApp.app.tasks.list(alice(), { status: 'completed' });
    expect(tasks.items.map((task) => task.title)).toContain('Buy oat milk');
  });

  it('refuses a time zone that does not exist, naming the field', async () => {
    const response = await harness.chat(
      'alice',
      { message: 'add buy milk', time_zone: 'Mars/Olympus' },
      { json: true },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'time_zone' } });
  });
});
