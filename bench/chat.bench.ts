/**
 * The chat: how much time to first token Switchboard adds over the model's own (the fake
 * OpenAI-compatible server, asked directly in the same run, chat by chat in alternation: with the
 * very request Switchboard sends it — the tools, the system prompt — and with a one-line request),
 * beside the AI SDK alone on a bare Fastify route asking the model the same (what the SDK itself
 * adds); and 100 streaming chats at once — every one must finish without error and be stored
 * whole. And the built-in assistant's first reply after a start (its libraries load in the
 * background once the server listens) beside its later ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeModelServer } from '../test/helpers/fake-model-server.js';
import { type ChatTurn, chatThrough, directly, oneLineRequest } from './chat-requests.js';
import { type BenchServer, goalCell, processCpuMs, startBenchServer } from './harness.js';

export const title =
  'Chat: time to first token added by Switchboard, 100 concurrent streaming chats, and the first reply after a start';

const sequentialChats = 200;
const concurrentChats = 100;
const reply = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');

export async function run() {
  const model = await startFakeModelServer();
  const switchboard = await startBenchServer('switchboard-chat.ts', { MODEL_BASE_URL: model.baseUrl });
  const servers = [switchboard];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-chat-'));
  const scriptAll = (count: number, delayMs: number) =>
    model.script(...Array.from({ length: count }, () => ({ text: reply, delayMs })));
  try {
    scriptAll(20, 0);
    for (let index = 0; index < 20; index += 1) await chatThrough(switchboard, index); // warm-up

    const switchboardRequest = model.lastChatBody();
    if (!switchboardRequest) throw new Error('The model received no request from Switchboard');

    // The AI SDK alone, asking the model with the same request.
    const requestFile = path.join(scratch, 'request.json');
    fs.writeFileSync(requestFile, switchboardRequest);
    const sdkAlone = await startBenchServer('bare-ai-sdk-chat.ts', {
      MODEL_BASE_URL: model.baseUrl,
      REQUEST_FILE: requestFile,
    });
    servers.push(sdkAlone);
    scriptAll(20, 0);
    for (let index = 0; index < 20; index += 1) await chatThrough(sdkAlone, index); // warm-up

    // In alternation, chat by chat, so the machine's drift falls on all four.
    scriptAll(sequentialChats * 4, 0);
    const oneLine: number[] = [];
    const sameRequest: number[] = [];
    const throughSdk: number[] = [];
    const through: number[] = [];
    const cpuBefore = { sdk: processCpuMs(sdkAlone.pid), switchboard: processCpuMs(switchboard.pid) };
    for (let index = 0; index < sequentialChats; index += 1) {
      oneLine.push(await directly(model.baseUrl, oneLineRequest));
      sameRequest.push(await directly(model.baseUrl, switchboardRequest));
      throughSdk.push((await chatThrough(sdkAlone, index)).ttftMs);
      through.push((await chatThrough(switchboard, index)).ttftMs);
    }
    /** The server's CPU over the chats (Linux), a chat's share. */
    const cpuPerChat = (server: BenchServer, before: number | undefined) => {
      const after = processCpuMs(server.pid);
      return before !== undefined && after !== undefined
        ? ((after - before) / sequentialChats).toFixed(2)
        : '';
    };
    const sdkCpu = cpuPerChat(sdkAlone, cpuBefore.sdk);
    const switchboardCpu = cpuPerChat(switchboard, cpuBefore.switchboard);
    const direct = percentiles(oneLine);
    const directSame = percentiles(sameRequest);
    const sdk = percentiles(throughSdk);
    const ours = percentiles(through);
    const toolCount = (JSON.parse(switchboardRequest) as { tools?: unknown[] }).tools?.length ?? 0;
    const requestKb = Math.round(Buffer.byteLength(switchboardRequest) / 1024);

    scriptAll(concurrentChats, 10);
    const started = performance.now();
    const turns = await Promise.allSettled(
      Array.from({ length: concurrentChats }, (_, index) => chatThrough(switchboard, index)),
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
        measurement: 'time to first token, the AI SDK alone on a bare Fastify route, the same request',
        chats: sequentialChats,
        'p50 ms': sdk.p50.toFixed(2),
        'p99 ms': sdk.p99.toFixed(2),
        'added p50 ms': (sdk.p50 - directSame.p50).toFixed(2),
        'server CPU ms/chat': sdkCpu,
        errors: 0,
        'stored whole': '',
      },
      {
        measurement: 'time to first token, through Switchboard',
        chats: sequentialChats,
        'p50 ms': ours.p50.toFixed(2),
        'p99 ms': ours.p99.toFixed(2),
        'added p50 ms': `${(ours.p50 - directSame.p50).toFixed(2)} (${(ours.p50 - direct.p50).toFixed(2)} over the one-line request)`,
        'server CPU ms/chat': switchboardCpu,
        errors: 0,
        'stored whole': '',
        goal: goalCell('added p50 < 5 ms', ours.p50 - directSame.p50 < 5),
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
    await Promise.all(servers.map((server) => server.stop()));
    await model.close();
    fs.rmSync(scratch, { recursive: true, force: true });
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
      const first = await chatThrough(server, 0, 'show my tasks');
      const later = await sample(laterReplies, (index) =>
        chatThrough(server, index + 1, 'show my tasks').then((turn) => turn.ttftMs),
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
