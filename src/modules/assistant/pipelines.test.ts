import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { workflowToolNames } from '../workflows/index.js';
import { readConversation } from './conversation.js';
import { decide } from './decide.js';
import type { Step } from './plan-context.js';

/** "analyze my notes tagged research", "clean these documents": what each calls, in order, and the reply. */
const now = new Date('2026-12-06T09:00:00Z');
const tools = new Set([...Object.values(workflowToolNames), 'search_documents', 'create_note']);

type Call = [toolName: string, input: Record<string, unknown>, output: unknown];
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
    { id: 'wf-analyze', name: 'analyze-content', description: '' },
    { id: 'wf-process', name: 'process-documents-2', description: '' },
  ],
  next_cursor: null,
};
const finished = {
  run: {
    id: 'run-9',
    workflow_name: 'analyze-content',
    status: 'succeeded',
    output: { total: 3, succeeded: 3, failed: 0, report_document_id: 'doc-r' },
    steps_done: 15,
    steps_total: 15,
    pipeline: { total: 3, done: 3, failed: 0, paused: false },
  },
};

describe('pipelines in the chat', () => {
  it('analyzes the notes with a tag through the analyze-content pipeline', () => {
    const ask = 'analyze my notes tagged research';
    expect(next([ask, []])).toEqual({ type: 'call', toolName: 'list_workflows', input: {} });
    expect(next([ask, [['list_workflows', {}, workflows]]])).toEqual({
      type: 'call',
      toolName: 'run_pipeline',
      input: { pipeline: 'wf-analyze', tag: 'research', wait: true },
    });
    const done = next([
      ask,
      [
        ['list_workflows', {}, workflows],
        ['run_pipeline', { pipeline: 'wf-analyze', tag: 'research', wait: true }, finished],
      ],
    ]);
    expect(done.type).toBe('reply');
    expect((done as { text: string }).text).toContain('Items: 3 done, 0 failed, of 3.');
  });

  it('cleans the documents the conversation found, through a copy of process-documents', () => {
    const found = {
      items: [
        { document_id: 'doc-1', name: 'a', snippet: '' },
        { document_id: 'doc-2', name: 'b', snippet: '' },
      ],
    };
    const earlier: [string, Call[], string] = [
      'find my notes about taxes',
      [['search_documents', { query: 'taxes', limit: 5 }, found]],
      'Found 2.',
    ];
    expect(next(earlier, ['clean these documents', [['list_workflows', {}, workflows]]])).toEqual({
      type: 'call',
      toolName: 'run_pipeline',
      input: { pipeline: 'wf-process', document_ids: ['doc-1', 'doc-2'], wait: true },
    });
  });

  it('asks which documents when none were found, and says to copy the template when there is no pipeline', () => {
    expect((next(['clean these documents', []]) as { text: string }).text).toContain('Which documents?');
    const none = next([
      'analyze my documents tagged x',
      [['list_workflows', {}, { items: [], next_cursor: null }]],
    ]);
    expect((none as { text: string }).text).toContain('Analyze content (pipeline)');
  });
});
