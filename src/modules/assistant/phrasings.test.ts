import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConversation, type ToolResult } from './conversation.js';
import { decide } from './decide.js';
import { loadLibraries } from './libraries.js';

/** Friday 21 November 2025, 10:00 UTC. */
const now = new Date('2025-11-21T10:00:00Z');
const everyTool = new Set(
  [
    'add_task list_tasks search_tasks complete_task update_task delete_task',
    'search_documents read_document create_note',
    'summarize_text extract_key_points generate_headlines detect_language detect_multiple_languages',
    'analyze_sentiment transform_sentiment sentiment_comparison clean_text normalize_unicode',
    'remove_special_symbols remove_html_tags remove_diacritics transliterate_text normalize_text',
    'check_grammar suggest_improvements explain_corrections analyze_readability analyze_text_basic',
    'word_frequency_analysis text_complexity_analysis detect_sensitive_info anonymize_text',
    'smart_anonymize create_anonymization_report extract_pdf_text extract_image_text',
  ]
    .join(' ')
    .split(' '),
);

const userSays = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] });

/** A user message, then tool calls with their results, as the AI SDK sends them. */
function conversation(
  text: string,
  ...calls: [string, Record<string, unknown>, ToolResult][]
): LanguageModelV3Prompt {
  return [
    userSays(text),
    ...calls.flatMap(([toolName, input, result], index): LanguageModelV3Prompt => {
      const toolCallId = `call-${index}`;
      const output =
        result.kind === 'output'
          ? { type: 'json' as const, value: result.value as never }
          : result.kind === 'error'
            ? { type: 'error-text' as const, value: result.message }
            : { type: 'execution-denied' as const };
      return [
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId, toolName, output }] },
      ];
    }),
  ];
}

function stepFor(prompt: LanguageModelV3Prompt, { tools = everyTool, timeZone = 'UTC' } = {}) {
  return decide({ conversation: readConversation(prompt), toolNames: tools, now, timeZone });
}

const task = (id: string, title: string, status = 'pending') => ({
  id,
  title,
  status,
  priority: 'medium',
  due_date: null,
  tags: [],
});
const found = (...items: unknown[]): ToolResult => ({ kind: 'output', value: { items } });

beforeAll(() => loadLibraries());

describe('the offline assistant’s phrasings', () => {
  it.each([
    ['add buy milk to my list', 'add_task', { title: 'Buy milk' }],
    ['remind me to call Sam tomorrow', 'add_task', { title: 'Call Sam', due_date: '2025-11-22' }],
    [
      'todo: pay rent by next Monday #home',
      'add_task',
      { title: 'Pay rent', due_date: '2025-11-24', tags: ['home'] },
    ],
    ['I need to renew my passport', 'add_task', { title: 'Renew my passport' }],
    [
      'add submit the report with high priority #work',
      'add_task',
      { title: 'Submit the report', priority: 'high', tags: ['work'] },
    ],
    [
      'please add water the plants on Friday at 5pm',
      'add_task',
      { title: 'Water the plants', due_date: '2025-11-21T17:00:00+00:00' },
    ],
    ['don’t forget to book the flights', 'add_task', { title: 'Book the flights' }],
    ['what’s left to do?', 'list_tasks', { status: 'pending' }],
    ['show my tasks', 'list_tasks', { status: 'pending' }],
    ['show my #work tasks', 'list_tasks', { status: 'pending', tag: 'work' }],
    // A day beyond the window on each side: the exact days are picked in the user's zone.
    ['what’s due today', 'list_tasks', { status: 'pending', limit: 100, due_before: '2025-11-24' }],
    ['what is due this week?', 'list_tasks', { status: 'pending', limit: 100, due_before: '2025-11-26' }],
    ['what’s overdue?', 'list_tasks', { status: 'pending', limit: 100, due_before: '2025-11-23' }],
    ['what did I finish?', 'list_tasks', { status: 'completed' }],
    ['find tasks about the dentist', 'search_tasks', { query: 'dentist' }],
    ['mark the milk one done', 'search_tasks', { query: 'milk' }],
    ['I bought the milk', 'search_tasks', { query: 'milk' }],
    ['done with the report', 'search_tasks', { query: 'report' }],
    ['tick off the plants', 'search_tasks', { query: 'plants' }],
    ['complete task 3', 'list_tasks', { status: 'pending' }],
    ['delete the milk task', 'search_tasks', { query: 'milk' }],
    ['remove the dentist appointment from my list', 'search_tasks', { query: 'dentist appointment' }],
    ['move the dentist to Friday', 'search_tasks', { query: 'dentist' }],
    ['rename milk to Buy oat milk', 'search_tasks', { query: 'milk' }],
    ['make the report high priority', 'search_tasks', { query: 'report' }],
    ['find my notes about taxes', 'search_documents', { query: 'taxes', limit: 5 }],
    ['search my documents for the invoice', 'search_documents', { query: 'invoice', limit: 5 }],
    [
      'note: the wifi password is on the fridge',
      'create_note',
      { name: 'The wifi password is on the fridge', content: 'the wifi password is on the fridge' },
    ],
    ['take a note that Sam likes tea', 'create_note', { name: 'Sam likes tea', content: 'Sam likes tea' }],
    ['save a note titled Wifi: hunter2', 'create_note', { name: 'Wifi', content: 'hunter2' }],
    [
      'open the document 01JABCDEFGHJKMNPQRSTVWXYZ0',
      'read_document',
      { document_id: '01JABCDEFGHJKMNPQRSTVWXYZ0' },
    ],
    ['read the document about taxes', 'search_documents', { query: 'taxes', limit: 5 }],
    ['summarize this: The cat sat. It purred.', 'summarize_text', { text: 'The cat sat. It purred.' }],
    ['tl;dr The cat sat on the mat.', 'summarize_text', { text: 'The cat sat on the mat.' }],
    ['summarize https://example.com/page', 'summarize_text', { url: 'https://example.com/page' }],
    ['give me a short summary of: A. B.', 'summarize_text', { text: 'A. B.', length: 'short' }],
    ['summarize in bullet points: A. B.', 'summarize_text', { text: 'A. B.', summary_type: 'bullet_points' }],
    ['key points of: The cat sat.', 'extract_key_points', { text: 'The cat sat.' }],
    ['headlines for: The cat sat.', 'generate_headlines', { text: 'The cat sat.' }],
    ['what language is this: Bonjour tout le monde', 'detect_language', { text: 'Bonjour tout le monde' }],
    ['what language is “hola amigos” in?', 'detect_language', { text: 'hola amigos' }],
    [
      'which languages are in this: Hello. Bonjour.',
      'detect_multiple_languages',
      { text: 'Hello. Bonjour.' },
    ],
    [
      'is this positive or negative: I love it',
      'analyze_sentiment',
      { text: 'I love it', detail_level: 'standard' },
    ],
    [
      'sentiment of I hate Mondays',
      'analyze_sentiment',
      { text: 'I hate Mondays', detail_level: 'standard' },
    ],
    [
      'make this more positive: I hate it',
      'transform_sentiment',
      { text: 'I hate it', target_sentiment: 'positive' },
    ],
    [
      'compare the sentiment of: I love it | I hate it',
      'sentiment_comparison',
      { texts: ['I love it', 'I hate it'] },
    ],
    ['clean this text: hello    world', 'clean_text', { text: 'hello    world' }],
    ['remove accents from café', 'remove_diacritics', { text: 'café' }],
    ['transliterate Москва', 'transliterate_text', { text: 'Москва' }],
    ['strip the html from <p>hi</p>', 'remove_html_tags', { text: '<p>hi</p>' }],
    ['remove emojis from hi 😀', 'remove_special_symbols', { text: 'hi 😀' }],
    ['normalize the unicode to NFD: é', 'normalize_unicode', { text: 'é', form: 'NFD' }],
    ['normalize: Ｃafé', 'normalize_text', { text: 'Ｃafé' }],
    ['check the grammar of: I has a apple', 'check_grammar', { text: 'I has a apple' }],
    ['proofread: teh cat', 'check_grammar', { text: 'teh cat' }],
    ['suggest improvements for: It was done by me.', 'suggest_improvements', { text: 'It was done by me.' }],
    [
      'explain the corrections: teh cat -> the cat',
      'explain_corrections',
      { original_text: 'teh cat', corrected_text: 'the cat' },
    ],
    ['how readable is this: The cat sat.', 'analyze_readability', { text: 'The cat sat.' }],
    ['how complex is this: The cat sat.', 'text_complexity_analysis', { text: 'The cat sat.' }],
    ['analyze this text: The cat sat.', 'analyze_text_basic', { text: 'The cat sat.' }],
    ['word frequency of the cat and the hat', 'word_frequency_analysis', { text: 'the cat and the hat' }],
    [
      'find personal info in: Call John at 555-1234',
      'detect_sensitive_info',
      { text: 'Call John at 555-1234' },
    ],
    ['anonymize: John lives in Paris', 'anonymize_text', { text: 'John lives in Paris' }],
    ['pseudonymize: John met Mary', 'smart_anonymize', { text: 'John met Mary' }],
    [
      'check this anonymization: John is ill -> [PERSON] is ill',
      'create_anonymization_report',
      { original_text: 'John is ill', anonymized_text: '[PERSON] is ill' },
    ],
    [
      'extract the text of document 01JABCDEFGHJKMNPQRSTVWXYZ0',
      'extract_pdf_text',
      { resource_id: '01JABCDEFGHJKMNPQRSTVWXYZ0' },
    ],
    ['could you summarize this: A long text please', 'summarize_text', { text: 'A long text' }],
  ])('“%s” → %s', (text, toolName, input) => {
    expect(stepFor([userSays(text)])).toEqual({ type: 'call', toolName, input });
  });

  it.each([
    ['help', 'I am Switchboard’s built-in offline assistant'],
    ['what can you do?', '- **Tasks**: “add buy milk to my list”'],
    ['tell me a joke', 'I did not understand that.'],
    ['clean up the garage', 'I did not understand that.'],
    ['I love you', 'I did not understand that.'],
    ['summarize this', 'Give me the text after a colon'],
    ['read the text in this image', 'Attach the image'],
    ['move the dentist to someday', 'I could not read a date in “someday”'],
  ])('answers “%s” without a tool', (text, answer) => {
    const step = stepFor([userSays(text)]);
    expect(step.type).toBe('reply');
    expect(step.type === 'reply' && step.text).toContain(answer);
  });

  it('reads dates in the time zone it is given', () => {
    expect(
      stepFor([userSays('remind me to call Sam tomorrow at 9am')], { timeZone: 'Europe/Paris' }),
    ).toEqual({
      type: 'call',
      toolName: 'add_task',
      input: { title: 'Call Sam', due_date: '2025-11-22T09:00:00+01:00' },
    });
  });
});

describe('the offline assistant’s next steps', () => {
  const milk = task('t1', 'Buy milk');
  const oatMilk = task('t2', 'Buy oat milk');

  it('completes the one pending match of a search', () => {
    const prompt = conversation('mark the milk one done', [
      'search_tasks',
      { query: 'milk' },
      found(milk, { ...oatMilk, status: 'completed' }),
    ]);
    expect(stepFor(prompt)).toEqual({ type: 'call', toolName: 'complete_task', input: { task_id: 't1' } });
  });

  it('asks which one when several pending tasks match, listing them', () => {
    const step = stepFor(
      conversation('delete the milk task', ['search_tasks', { query: 'milk' }, found(milk, oatMilk)]),
    );
    expect(step).toEqual({
      type: 'reply',
      text: 'Several tasks match “milk”. Which one should I delete?\n\n1. Buy milk\n2. Buy oat milk\n\nSay “the first one”, “number 2”, or use more words.',
    });
  });

  it('says so when nothing matches, or when the match is already done', () => {
    expect(stepFor(conversation('I bought the milk', ['search_tasks', { query: 'milk' }, found()]))).toEqual({
      type: 'reply',
      text: 'I could not find a task matching “milk”.',
    });
    const done = found({ ...milk, status: 'completed' });
    expect(stepFor(conversation('I bought the milk', ['search_tasks', { query: 'milk' }, done]))).toEqual({
      type: 'reply',
      text: '“Buy milk” is already done.',
    });
  });

  it('moves a task to the date said, then says when it is due', () => {
    const prompt = conversation('move the milk to Tuesday', ['search_tasks', { query: 'milk' }, found(milk)]);
    expect(stepFor(prompt)).toEqual({
      type: 'call',
      toolName: 'update_task',
      input: { task_id: 't1', due_date: '2025-11-25' },
    });
    const moved = {
      kind: 'output' as const,
      value: { task: { ...milk, due_date: '2025-11-25T00:00:00.000Z' } },
    };
    const after = conversation(
      'move the milk to Tuesday',
      ['search_tasks', { query: 'milk' }, found(milk)],
      ['update_task', { task_id: 't1', due_date: '2025-11-25' }, moved],
    );
    expect(stepFor(after)).toEqual({ type: 'reply', text: 'Updated “Buy milk”: now due Tue 25 Nov.' });
  });

  it('takes “task 3” from the list the user was shown', () => {
    const prompt = conversation('complete task 2', [
      'list_tasks',
      { status: 'pending' },
      found(milk, oatMilk),
    ]);
    expect(stepFor(prompt)).toEqual({ type: 'call', toolName: 'complete_task', input: { task_id: 't2' } });
  });

  it('reads a document found by its words', () => {
    const document = {
      document_id: 'd1',
      name: 'Taxes 2025',
      kind: 'text',
      mime_type: 'text/markdown',
      mine: true,
    };
    const prompt = conversation('open the note about taxes', [
      'search_documents',
      { query: 'taxes' },
      found(document),
    ]);
    expect(stepFor(prompt)).toEqual({
      type: 'call',
      toolName: 'read_document',
      input: { document_id: 'd1' },
    });
  });

  it('says what failed, with the code', () => {
    const failed = { kind: 'error' as const, message: 'TASK_NOT_FOUND: Task t9 not found' };
    const prompt = conversation(
      'I bought the milk',
      ['search_tasks', { query: 'milk' }, found(milk)],
      ['complete_task', { task_id: 't1' }, failed],
    );
    expect(stepFor(prompt)).toEqual({
      type: 'reply',
      text: 'That did not work: complete_task failed. Task t9 not found (TASK_NOT_FOUND)',
    });
  });

  it('does not call a tool that is not offered', () => {
    expect(stepFor([userSays('what language is this: hola')], { tools: new Set(['add_task']) })).toEqual({
      type: 'reply',
      text: 'I would use the detect_language tool for that, but it is not available in this chat.',
    });
  });
});
