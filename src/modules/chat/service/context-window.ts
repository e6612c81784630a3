import type { ModelMessage, ToolSet } from 'ai';

/** The share of the context window kept free for the reply. */
const replyShare = 0.25;

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The system prompt: who the user is, today's date, and how to use tools. */
export function systemPrompt({ userName, now }: { userName: string; now: Date }): string {
  const today = now.toISOString().slice(0, 10);
  const weekday = weekdays[now.getUTCDay()];
  return [
    `You are Switchboard's assistant, talking with ${userName}. Today is ${weekday} ${today} (UTC).`,
    "Use the tools to act on the user's tasks, documents and text, and say plainly what you did.",
    'Keep answers short and exact. If a tool fails, say what failed; never invent a result.',
  ].join('\n');
}

/**
 * The most recent messages that fit the model's context with room for the reply. Whole groups
 * are dropped from the front (a reply and its tool results leave together), and the kept history
 * starts with a user message, as providers require. The latest user message and everything after
 * it stay even over budget: without them the model would not know what it is answering.
 */
export function fitContext({
  system,
  groups,
  tools,
  contextTokens,
  countTokens: count,
}: {
  system: string;
  /** The history, oldest first: one group of model messages per stored message. */
  groups: ModelMessage[][];
  /** The tools offered: their definitions take room in the context too. */
  tools: ToolSet;
  contextTokens: number;
  /** The model's tokenizer (`loadTokenCounter()`), or an estimate for the built-in assistant. */
  countTokens: (text: string) => number;
}): { messages: ModelMessage[]; inputTokens: number; dropped: number } {
  const fixed = count(system) + toolTokens(tools, count);
  const budget = Math.floor(contextTokens * (1 - replyShare)) - fixed;
  const sizes = groups.map((group) =>
    group.reduce((sum, message) => sum + count(JSON.stringify(message.content)), 0),
  );
  let total = sizes.reduce((sum, size) => sum + size, 0);
  // The current question and what follows it (a reply going on after approvals) are always kept.
  const lastQuestion = groups.findLastIndex((group) => group[0]?.role === 'user');
  const keepFrom = lastQuestion >= 0 ? lastQuestion : groups.length - 1;
  let start = 0;
  while (start < keepFrom && (total > budget || groups[start]?.[0]?.role !== 'user')) {
    total -= sizes[start] ?? 0;
    start += 1;
  }
  return { messages: groups.slice(start).flat(), inputTokens: total + fixed, dropped: start };
}

/**
 * Each counter's counts of tool definitions (a process may serve models with either counter), by the
 * definition's input schema and then its name, with the description counted. The schema is the same
 * object turn after turn for a tool (the registry describes a tool once), and several tools may share
 * one (every agent tool `agent__<name>` takes the same input): a turn neither serializes nor counts a
 * definition it has seen. The description is compared, not joined to the name into a key: that
 * built and hashed a new string of every tool on every turn.
 */
const toolSizesBy = new WeakMap<(text: string) => number, WeakMap<object, Map<string, ToolSize>>>();

interface ToolSize {
  description: string | undefined;
  tokens: number;
}

const maxNamesPerSchema = 1_000;

/** The tokens the tools' definitions take (name, description, input schema), counted once per definition. */
function toolTokens(tools: ToolSet, count: (text: string) => number): number {
  let sizes = toolSizesBy.get(count);
  if (!sizes) {
    sizes = new WeakMap();
    toolSizesBy.set(count, sizes);
  }
  let total = 0;
  for (const name in tools) {
    const tool = tools[name];
    if (!tool) continue;
    const schema = (tool.inputSchema as { jsonSchema?: object } | undefined)?.jsonSchema ?? {};
    let byName = sizes.get(schema);
    if (!byName) sizes.set(schema, (byName = new Map()));
    let size = byName.get(name);
    if (size === undefined || size.description !== tool.description) {
      // A shared schema's names are bounded: agents renamed leave old names behind.
      if (byName.size >= maxNamesPerSchema) byName.clear();
      const { description } = tool;
      size = { description, tokens: count(JSON.stringify({ name, description, schema })) };
      byName.set(name, size);
    }
    total += size.tokens;
  }
  return total;
}
