/**
 * The chat: how much time to first token Switchboard adds over the model's own (the fake
 * OpenAI-compatible server, asked directly in the same run, chat by chat in alternation: with the
 * very request Switchboard sends it — the tools, the system prompt — and with a one-line request),
 * and 100 streaming chats at once —
 * every one must finish without error and be stored whole. And the built-in assistant's first reply
 * after a start (its libraries load in the background once the server listens) beside its later ones.
 */
import { startFakeModelServer } from '../test/helpers/fake-model-server.js';
import { type ChatTurn, directly, oneLineRequest, viaSwitchboard } from './chat-requests.js';
import { processCpuMs, startBenchServer } from './harness.js';

export const title =
  'Chat: time to first token added by Switchboard, 100 concurrent streaming chats, and the first reply after a start';

const sequentialChats = 200;
const concurrentChats = 100;
const reply = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');

export async function run() {
  const model = await startFakeModelServer();
  const switchboard = await startBenchServer('switchboard-chat.ts', { MODEL_BASE_URL: model.baseUrl });
  const scriptAll = (count: number, delayMs: number) =>
    model.script(...Array.from({ length: count }, () => ({ text: reply, delayMs })));
  try {
    scriptAll(20, 0);
    for (let index = 0; index < 20; index += 1) await viaSwitchboard(switchboard, index); // warm-up

    const switchboardRequest = model.lastChatBody();
    if (!switchboardRequest) throw new Error('The model received no request from Switchboard');

    // In alternation, chat by chat, so the machine's drift falls on all three.
    scriptAll(sequentialChats * 3, 0);
    const oneLine: number[] = [];
    const sameRequest: number[] = [];
    const through: number[] = [];
    const cpuBefore = processCpuMs(switchboard.pid);
    for (let index = 0; index < sequentialChats; index += 1) {
      oneLine.push(await directly(model.baseUrl, oneLineRequest));
      sameRequest.push(await directly(model.baseUrl, switchboardRequest));
      through.push((await viaSwitchboard(switchboard, index)).ttftMs);
    }
    const cpuAfter = processCpuMs(switchboard.pid);
    const cpuPerChat =
      cpuBefore !== undefined && cpuAfter !== undefined
        ? ((cpuAfter - cpuBefore) / sequentialChats).toFixed(2)
        : '';
    const direct = percentiles(oneLine);
    const directSame = percentiles(sameRequest);
    const ours = percentiles(through);
    const toolCount = (JSON.parse(switchboardRequest) as { tools?: unknown[] }).tools?.length ?? 0;
    const requestKb = Math.round(Buffer.byteLength(switchboardRequest) / 1024);

    scriptAll(concurrentChats, 10);
    const started = performance.now();
    const turns = await Promise.allSettled(
      Array.from({ length: concurrentChats }, (_, index) => viaSwitchboard(switchboard, index)),
    );
    const wallMs = performance.now() - started;
    const finished = turns.flatMap((turn) => (turn.status === 'fulfilled' ? [turn.value] : []));
    reportFailures(turns, reply);
    const stored = await Promise.all(finished.map((turn) => storedWhole(switchboard, turn)));
    const concurrentTtft = percentiles(finished.map((turn) => turn.ttftMs));

    return [
      {
        measurement: 'time to first token, fake model directly, a one-line request',
        chats: sequentialChats,
        'p50 ms': direct.p50.toFixed(2),
        'p99 ms': direct.p99.toFixed(2),
        'added p50 ms': '',
        'server CPU ms/chat': '',
        errors: 0,
        'stored whole': '',
      },
      {
        measurement: `time to first token, fake model directly, Switchboard's request (${toolCount} tools, ${requestKb} KB)`,
        chats: sequentialChats,
        'p50 ms': directSame.p50.toFixed(2),
        'p99 ms': directSame.p99.toFixed(2),
        'added p50 ms': '',
        'server CPU ms/chat': '',
        errors: 0,
        'stored whole': '',
      },
      {
        measurement: 'time to first token, through Switchboard',
        chats: sequentialChats,
        'p50 ms': ours.p50.toFixed(2),
        'p99 ms': ours.p99.toFixed(2),
        'added p50 ms': `${(ours.p50 - directSame.p50).toFixed(2)} (${(ours.p50 - direct.p50).toFixed(2)} over the one-line request)`,
        'server CPU ms/chat': cpuPerChat,
        errors: 0,
        'stored whole': '',
      },
      {
        measurement: `${concurrentChats} streaming chats at once (${(wallMs / 1000).toFixed(1)} s)`,
        chats: concurrentChats,
        'p50 ms': concurrentTtft.p50.toFixed(2),
        'p99 ms': concurrentTtft.p99.toFixed(2),
        'added p50 ms': '',
        'server CPU ms/chat': '',
        errors: concurrentChats - finished.length + finished.filter((turn) => turn.text !== reply).length,
        'stored whole': `${stored.filter(Boolean).length}/${concurrentChats}`,
      },
      ...(await firstReplyAfterStart()),
    ];
  } finally {
    await switchboard.stop();
    await model.close();
  }
}

/** Each distinct reason the concurrent chats failed for, with how many: a failure must be explained. */
function reportFailures(turns: PromiseSettledResult<ChatTurn>[], expected: string) {
  const reasons = new Map<string, number>();
  for (const turn of turns) {
    const reason =
      turn.status === 'rejected'
        ? turn.reason instanceof Error
          ? turn.reason.message
          : String(turn.reason)
        : turn.value.text === expected
          ? undefined
          : `the reply differs from the model's: ${JSON.stringify(turn.value.text.slice(0, 80))}`;
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of reasons)
    process.stderr.write(`${count} concurrent chats failed: ${reason}\n`);
}

const laterReplies = 20;
/** At once, about the time a person takes to open the page and type, and once surely warmed up. */
const waitsAfterStartMs = [0, 2000, 10_000];

/**
 * The built-in assistant's time to first token on the first chat after a start — asked at once, and
 * after a person's typing time — beside its later replies. Each start is a new process.
 */
async function firstReplyAfterStart() {
  const rows = [];
  for (const waitMs of waitsAfterStartMs) {
    const server = await startBenchServer('switchboard-chat.ts', { BENCH_MODEL: 'offline' });
    try {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      const first = await viaSwitchboard(server, 0, 'show my tasks');
      const later = await sample(laterReplies, (index) =>
        viaSwitchboard(server, index + 1, 'show my tasks').then((turn) => turn.ttftMs),
      );
      rows.push({
        measurement: `built-in assistant, first reply ${waitMs ? `${waitMs / 1000} s` : 'at once'} after a start`,
        chats: 1,
        'p50 ms': first.ttftMs.toFixed(2),
        'p99 ms': '',
        'added p50 ms': (first.ttftMs - later.p50).toFixed(2),
        'server CPU ms/chat': '',
        errors: 0,
        'stored whole': '',
      });
      if (waitMs === waitsAfterStartMs.at(-1))
        rows.push({
          measurement: 'built-in assistant, later replies',
          chats: laterReplies,
          'p50 ms': later.p50.toFixed(2),
          'p99 ms': later.p99.toFixed(2),
          'added p50 ms': '',
          'server CPU ms/chat': '',
          errors: 0,
          'stored whole': '',
        });
    } finally {
      await server.stop();
    }
  }
  return rows;
}

/** The fake model asked directly, streamed: time to its first content delta. */
/** True when the conversation holds the user's message and the whole reply, complete. */
async function storedWhole(server: { url: string }, turn: ChatTurn): Promise<boolean> {
  const response = await fetch(`${server.url}/api/v1/conversations/${turn.conversationId}/messages`, {
    headers: { authorization: `Bearer ${turn.key}` },
  });
  const { items } = (await response.json()) as {
    items: { role: string; status: string; parts: { type: string; text?: string }[] }[];
  };
  const [question, answer] = items;
  return (
    items.length === 2 &&
    question?.role === 'user' &&
    answer?.status === 'complete' &&
    answer.parts.map((part) => part.text ?? '').join('') === reply
  );
}

async function sample(count: number, once: (index: number) => Promise<number>) {
  const values: number[] = [];
  for (let index = 0; index < count; index += 1) values.push(await once(index));
  return percentiles(values);
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}
