import { type ModelMessage, stepCountIs, streamText, type TextStreamPart, type ToolSet } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { Clock } from '../../src/clock.js';
import { assistantTools } from '../../src/modules/chat/assistant-tools.js';
import { createOfflineModel } from '../../src/modules/assistant/index.js';
import type { Task } from '../../src/modules/tasks/index.js';
import { workflowTemplates } from '../../src/modules/workflows/templates/index.js';
import { seedUser } from '../helpers/identity.js';
import { insertWorkflow } from '../helpers/workflows.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { corpus } from './corpus/index.js';
import type { CorpusTurn, Dialogue } from './corpus/dialogue.js';

/**
 * The phrasing corpus, run against the real built-in assistant in the AI SDK loop (as the chat
 * runs it), the real tool runner and a real database: every dialogue as a fresh user, every turn
 * checked for the tools called, the reply and the whole task list afterwards.
 */
const sundayInParis = '2026-12-06T09:00:00Z';
let current = new Date(sundayInParis);
const clock: Clock = { now: () => new Date(current) };
const destructive = new Set(['delete_task', 'delete_tasks']);

/** A stored task in the corpus notation, its times in `timeZone`. */
function notation(task: Task, timeZone: string): string {
  const parts = [`${task.status === 'completed' ? '✓ ' : ''}${task.title}`];
  if (task.due_date) {
    const dateOnly = task.due_date.endsWith('T00:00:00.000Z');
    const shown = new Intl.DateTimeFormat('sv-SE', {
      timeZone: dateOnly ? 'UTC' : timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit' }),
    }).format(new Date(task.due_date));
    parts.push(`due ${shown}`);
  }
  if (task.priority !== 'medium') parts.push(task.priority);
  if (task.tags.length) parts.push(task.tags.map((tag) => `#${tag}`).join(' '));
  return parts.join(' · ');
}

/** A task in the corpus notation, read back as add_task's input. */
function parseTask(text: string, timeZone: string) {
  const [head = '', ...rest] = text.split(' · ');
  const done = head.startsWith('✓ ');
  const input: { title: string; due_date?: string; priority?: 'low' | 'high'; tags?: string[] } = {
    title: done ? head.slice(2) : head,
  };
  for (const part of rest) {
    if (part.startsWith('due ')) {
      const [date, time] = part.slice(4).split(' ');
      input.due_date = time ? zonedInstant(`${date}T${time}`, timeZone) : date;
    } else if (part === 'high' || part === 'low') input.priority = part;
    else input.tags = part.split(' ').map((tag) => tag.slice(1));
  }
  return { input, done };
}

/** A local date-time in a zone as an ISO instant (the offset found by one correction). */
function zonedInstant(local: string, timeZone: string): string {
  const guess = new Date(`${local}:00Z`);
  const shown = new Date(
    new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' })
      .format(guess)
      .replace(' ', 'T') + 'Z',
  );
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime())).toISOString();
}

const turnsIn = (dialogues: readonly Dialogue[]) =>
  dialogues.reduce((sum, dialogue) => sum + dialogue.turns.length, 0);

describe('the phrasing corpus', () => {
  let testApp: TestApp;
  let passed = 0;
  let users = 0;

  beforeAll(async () => {
    // The durable engine runs the workflows the workflow dialogues start.
    testApp = await buildTestApp('embedded', { clock, engine: true });
  });
  afterAll(async () => {
    const total = turnsIn(corpus);
    process.stdout.write(
      `Phrasing corpus: ${passed} of ${total} turns pass (${((100 * passed) / total).toFixed(1)}%)\n`,
    );
    await testApp.close();
  });

  it('has at least 300 turns', () => {
    expect(turnsIn(corpus)).toBeGreaterThanOrEqual(300);
  });

  async function seed(actor: UserActor, dialogue: Dialogue, timeZone: string) {
    for (const text of dialogue.seed ?? []) {
      const { input, done } = parseTask(text, timeZone);
      const task = await testApp.app.tasks.add(actor, input);
      if (done) await testApp.app.tasks.complete(actor, task.id);
    }
  }

  /** The dialogue's workflows saved, and its runs started and carried to their first wait (or end). */
  async function seedWorkflows(actor: UserActor, dialogue: Dialogue) {
    for (const workflow of dialogue.workflows ?? []) {
      const definition =
        typeof workflow === 'string'
          ? workflowTemplates.find((template) => template.id === workflow)?.definition
          : workflow;
      if (!definition) throw new Error(`no template ${String(workflow)}`);
      await insertWorkflow(testApp.app, actor.userId, definition);
    }
    const { runs } = testApp.app.workflows;
    for (const name of dialogue.runs ?? []) {
      const run = await runs.start(actor, {
        workflow: name,
        input: {},
        trigger: { kind: 'manual', surface: 'test' },
      });
      await untilSettled(() => runs.get(actor, run.id).then((detail) => detail.status));
    }
  }

  it.each(corpus.map((dialogue) => [dialogue.name, dialogue] as const))('%s', async (_name, dialogue) => {
    current = new Date(dialogue.now ?? sundayInParis);
    const timeZone = dialogue.timeZone ?? 'Europe/Paris';
    users += 1;
    const actor = actingAs({
      userId: (await seedUser(testApp.app, { email: `corpus-${users}@example.com` })).id,
      role: 'user',
      via: 'chat',
    });
    await seed(actor, dialogue, timeZone);
    await seedWorkflows(actor, dialogue);
    const model = createOfflineModel({ clock, timeZone, weekStart: dialogue.weekStart ?? 'monday' });
    const tools = assistantTools({
      runner: testApp.app.tools,
      actor,
      needsApproval: (tool) => destructive.has(tool.name),
    });
    const state = async () =>
      (await testApp.app.tasks.list(actor, { status: 'all', limit: 100 })).items
        .map((task) => notation(task, timeZone))
        .sort();
    let expected = await state();
    let history: ModelMessage[] = [];
    let approvalId: string | undefined;

    for (const [index, turn] of dialogue.turns.entries()) {
      const where = `turn ${index + 1} “${turn.say}”`;
      const answer = /^\((approve|deny)\)$/.exec(turn.say)?.[1];
      const message: ModelMessage = answer
        ? {
            role: 'tool',
            content: [
              {
                type: 'tool-approval-response',
                approvalId: approvalId ?? '',
                approved: answer === 'approve',
              },
            ],
          }
        : { role: 'user', content: turn.say };
      const messages = [...history, message];
      const result = streamText({ model, tools, stopWhen: stepCountIs(8), messages });
      const parts: TextStreamPart<ToolSet>[] = [];
      for await (const part of result.fullStream) parts.push(part);
      history = [...messages, ...(await result.response).messages];
      approvalId = parts.flatMap((part) =>
        part.type === 'tool-approval-request' ? [part.approvalId] : [],
      )[0];
      const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolName] : []));
      const text = await result.text;
      expect(calls, `${where}: tools called (reply: ${text})`).toEqual(turn.calls);
      if (turn.tasks) expected = [...turn.tasks].sort();
      expect(await state(), `${where}: the tasks afterwards (reply: ${text})`).toEqual(expected);
      checkReply(turn, text, where);
      passed += 1;
    }
  });
});

/** Waits until a run waits or has ended (its status read again every 50 ms, for 20 s at most). */
async function untilSettled(status: () => Promise<string>) {
  for (let tries = 0; tries < 400; tries++) {
    if (!['queued', 'running'].includes(await status())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run neither waited nor ended in 20 s');
}

function checkReply(turn: CorpusTurn, text: string, where: string) {
  if (turn.says === undefined) return;
  if (typeof turn.says === 'string') expect(text, `${where}: the reply`).toContain(turn.says);
  else expect(text, `${where}: the reply`).toMatch(turn.says);
}
