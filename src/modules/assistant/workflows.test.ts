import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowToolNames } from '../workflows/index.js';
import { readConversation } from './conversation.js';
import { decide } from './decide.js';
import { loadLibraries } from './libraries.js';
import type { Step } from './plan-context.js';

/**
 * The workflow phrasings against decide() with the tools' results written out: what each request
 * calls, in which order, and what "it" and "the last run" point at. (The corpus runs the same
 * requests against the real tools.)
 */
const now = new Date('2026-12-06T09:00:00Z');
const tools = new Set([...Object.values(workflowToolNames), 'add_task', 'list_tasks', 'create_note']);

type Call = [toolName: string, input: Record<string, unknown>, output: unknown];
/** A prompt: earlier turns (a message and its calls), then the current message and its calls so far. */
function prompt(turns: [text: string, calls: Call[], reply?: string][]): LanguageModelV3Prompt {
  let id = 0;
  return turns.flatMap(([text, calls, reply]): LanguageModelV3Prompt => [
    { role: 'user', content: [{ type: 'text', text }] },
    ...calls.flatMap(([toolName, input, output]): LanguageModelV3Prompt => {
      const toolCallId = `call-${id++}`;
      return [
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId, toolName, output: { type: 'json', value: output as never } },
          ],
        },
      ];
    }),
    ...(reply ? [{ role: 'assistant' as const, content: [{ type: 'text' as const, text: reply }] }] : []),
  ]);
}
const next = (...turns: [string, Call[], string?][]): Step =>
  decide({ conversation: readConversation(prompt(turns)), toolNames: tools, now, timeZone: 'UTC' });

const workflows = {
  items: [
    { id: 'wf-digest', name: 'daily-task-digest', description: 'Pending tasks due within a day' },
    { id: 'wf-intake', name: 'document-intake', description: 'Clean and store a text' },
    { id: 'wf-weekly', name: 'weekly-overdue-reminder', description: '' },
  ],
  next_cursor: null,
};
const finished = {
  run: {
    id: 'run-1',
    workflow_name: 'daily-task-digest',
    status: 'succeeded',
    output: { tasks: 2 },
    steps_done: 2,
    steps_total: 2,
  },
};
const approval = (id: string, message: string) => ({
  id,
  message,
  workflow_name: 'review-and-publish',
  run_id: 'run-9',
});
const listCall = (...items: unknown[]): Call => [
  workflowToolNames.listApprovals,
  {},
  { items, next_cursor: null },
];

beforeAll(() => loadLibraries());

describe('the offline assistant and workflows', () => {
  it.each([
    'run the daily digest',
    'please run my daily digest workflow',
    'start the digest',
    'run workflow daily-task-digest',
  ])('“%s” lists the workflows, then runs the one the words name and waits', (text) => {
    expect(next([text, []])).toEqual({ type: 'call', toolName: workflowToolNames.list, input: {} });
    expect(next([text, [[workflowToolNames.list, {}, workflows]]])).toEqual({
      type: 'call',
      toolName: workflowToolNames.run,
      input: { workflow: 'wf-digest', input: {}, wait: true },
    });
  });

  it('puts the finished run in words, with its output', () => {
    const step = next([
      'run the daily digest',
      [
        [workflowToolNames.list, {}, workflows],
        [workflowToolNames.run, { workflow: 'wf-digest', input: {}, wait: true }, finished],
      ],
    ]);
    expect(step).toMatchObject({ type: 'reply' });
    expect(step.type === 'reply' && step.text).toMatch(
      /\*\*daily-task-digest\*\* finished \(run run-1\)[\s\S]*tasks: 2/,
    );
  });

  it('says so when no workflow has that name, naming the ones there are', () => {
    const step = next(['run the quarterly report', [[workflowToolNames.list, {}, workflows]]]);
    expect(step.type === 'reply' && step.text).toMatch(
      /no workflow called “the quarterly report”[\s\S]*daily-task-digest/,
    );
  });

  it.each(['show my workflows', 'what workflows do I have?', 'list workflows'])('“%s” lists them', (text) => {
    expect(next([text, []])).toEqual({ type: 'call', toolName: workflowToolNames.list, input: {} });
    const step = next([text, [[workflowToolNames.list, {}, workflows]]]);
    expect(step.type === 'reply' && step.text).toMatch(/3 workflows[\s\S]*1\. \*\*daily-task-digest\*\*/);
  });

  it.each([
    'what is waiting for me?',
    'anything to approve?',
    'show my approvals',
    'what needs my approval?',
  ])('“%s” lists the pending approvals', (text) => {
    expect(next([text, []])).toEqual({ type: 'call', toolName: workflowToolNames.listApprovals, input: {} });
    const step = next([text, [listCall(approval('ap-1', 'Publish “Plan” to every user?'))]]);
    expect(step.type === 'reply' && step.text).toMatch(
      /1 approval is waiting[\s\S]*Publish “Plan”[\s\S]*approve it/,
    );
  });

  it('“approve it” answers the one approval the conversation just showed', () => {
    const shown: [string, Call[]] = ['what is waiting for me?', [listCall(approval('ap-1', 'Publish?'))]];
    expect(next(shown, ['approve it', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.answerApproval,
      input: { approval_id: 'ap-1', approved: true },
    });
    expect(next(shown, ['refuse it', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.answerApproval,
      input: { approval_id: 'ap-1', approved: false },
    });
  });

  it('with several shown, asks which, and takes “approve the second one”', () => {
    const shown: [string, Call[]] = [
      'what is waiting for me?',
      [listCall(approval('ap-1', 'One?'), approval('ap-2', 'Two?'))],
    ];
    const asked = next(shown, ['approve it', []]);
    expect(asked.type === 'reply' && asked.text).toMatch(/2 approvals are waiting\. Which one\?/);
    expect(next(shown, ['approve the second one', []])).toMatchObject({
      input: { approval_id: 'ap-2', approved: true },
    });
    expect(next(shown, ['reject 1', []])).toMatchObject({ input: { approval_id: 'ap-1', approved: false } });
  });

  it('with none shown, lists the pending ones first and asks, even with one: it answers only what it showed', () => {
    expect(next(['approve it', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.listApprovals,
      input: {},
    });
    const asked = next(['approve it', [listCall(approval('ap-7', 'Publish?'))]]);
    expect(asked.type === 'reply' && asked.text).toMatch(
      /^1 approval is waiting\. Is it this one\?[\s\S]*Publish\?/,
    );
    const two = next(['approve 2', [listCall(approval('ap-7', 'Publish?'), approval('ap-8', 'Send?'))]]);
    expect(two.type === 'reply' && two.text).toMatch(/^2 approvals are waiting\. Which one\?/);
    const none = next(['approve it', [listCall()]]);
    expect(none.type === 'reply' && none.text).toBe('Nothing is waiting for your approval.');
  });

  it('an approval answered earlier is not “it” again', () => {
    const shown: [string, Call[]] = ['what is waiting for me?', [listCall(approval('ap-1', 'Publish?'))]];
    const answered: [string, Call[]] = [
      'approve it',
      [
        [
          workflowToolNames.answerApproval,
          { approval_id: 'ap-1', approved: true },
          { approval: { id: 'ap-1', status: 'approved' } },
        ],
      ],
    ];
    expect(next(shown, answered, ['approve it', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.listApprovals,
      input: {},
    });
  });

  it('“what happened to the last run?” reads the run the conversation started', () => {
    const ran: [string, Call[]] = [
      'run the daily digest',
      [
        [workflowToolNames.list, {}, workflows],
        [workflowToolNames.run, { workflow: 'wf-digest', input: {}, wait: true }, finished],
      ],
    ];
    expect(next(ran, ['what happened to the last run?', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.getRun,
      input: { run_id: 'run-1' },
    });
  });

  it('“how did the last run go?” with no run in the conversation lists the newest run, then reads it', () => {
    expect(next(['how did the last run go?', []])).toEqual({
      type: 'call',
      toolName: workflowToolNames.listRuns,
      input: { limit: 1 },
    });
    const failed = {
      id: 'run-2',
      workflow_name: 'document-intake',
      status: 'failed',
      error: { code: 'INVALID_INPUT', message: 'Give the text', step_path: 'clean' },
    };
    const listed: Call = [workflowToolNames.listRuns, { limit: 1 }, { items: [failed], next_cursor: null }];
    expect(next(['how did the last run go?', [listed]])).toMatchObject({
      toolName: workflowToolNames.getRun,
      input: { run_id: 'run-2' },
    });
    const step = next([
      'how did the last run go?',
      [listed, [workflowToolNames.getRun, { run_id: 'run-2' }, failed]],
    ]);
    expect(step.type === 'reply' && step.text).toMatch(
      /\*\*document-intake\*\* failed at step clean \(run run-2\): Give the text \(INVALID_INPUT\)/,
    );
  });

  it('leaves tasks and small talk alone', () => {
    expect(next(['ok', []])).toMatchObject({ type: 'reply' });
    expect(next(['add run the errands', []])).toMatchObject({ toolName: 'add_task' });
  });
});
