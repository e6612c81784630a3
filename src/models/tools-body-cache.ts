import { randomUUID } from 'node:crypto';

/** One tool as the OpenAI chat API takes it (what the openai-compatible provider builds each call). */
interface FunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: object; strict?: boolean };
}

interface Serialized {
  description: string | undefined;
  strict: boolean | undefined;
  json: string;
}

/**
 * The `tools` of an OpenAI-style request body serialized once per tool, not on every model call:
 * with the registry's tools that array is about 60 KB of JSON Schema, which the provider's
 * `JSON.stringify` of the body wrote out again for every step of every reply. Each tool's JSON is
 * kept by its schema object (the registry's are made once per tool, `describeTool`) and name, and
 * reused while its description and strictness are the same. `transformRequestBody` puts a numbered marker
 * in the tools' place; `fetch` puts that body's tools' JSON where the serialized marker is (a key
 * with unescaped quotes: text inside a message cannot look like it). A body whose tools are not all
 * plain function tools is sent as the provider made it. The body the AI SDK reports back (a
 * result's `request.body`, an `APICallError`'s `requestBodyValues`) shows the marker where the
 * tools were.
 */
export function createToolsBodyCache(send: typeof fetch = (input, init) => globalThis.fetch(input, init)) {
  /** By schema, then by name: tools may share one schema (every agent tool has the same). */
  const byParameters = new WeakMap<object, Map<string, Serialized>>();
  const prefix = `"tools":"switchboard-tools-${randomUUID()}-`;
  /** The tools' JSON of each body on its way to `fetch`, by its marker's number. */
  const waiting = new Map<number, string>();
  let counter = 0;

  function toolJson(tool: FunctionTool): string {
    const { name, description, parameters, strict } = tool.function;
    let byName = byParameters.get(parameters);
    if (!byName) byParameters.set(parameters, (byName = new Map()));
    const kept = byName.get(name);
    if (kept && kept.description === description && kept.strict === strict) return kept.json;
    const json = JSON.stringify(tool);
    if (byName.size < maxNamesPerSchema) byName.set(name, { description, strict, json });
    return json;
  }

  /** The tools' JSON of recent bodies: a user's tools are the same objects turn after turn. */
  const recent: { parts: string[]; json: string }[] = [];
  function joined(parts: string[]): string {
    const found = recent.find(
      (entry) =>
        entry.parts.length === parts.length && entry.parts.every((part, index) => part === parts[index]),
    );
    if (found) return found.json;
    const json = `[${parts.join(',')}]`;
    if (recent.unshift({ parts, json }) > maxRecentLists) recent.pop();
    return json;
  }

  return {
    transformRequestBody(body: Record<string, unknown>): Record<string, unknown> {
      const { tools } = body;
      if (!Array.isArray(tools) || tools.length === 0 || !tools.every(isPlainFunctionTool)) return body;
      counter += 1;
      // A call that never reached fetch (aborted first) leaves its entry: the oldest go.
      if (waiting.size >= maxWaiting) waiting.delete(waiting.keys().next().value as number);
      waiting.set(counter, joined(tools.map(toolJson)));
      return { ...body, tools: `${prefix.slice('"tools":"'.length)}${counter}` };
    },

    fetch: ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const body = init?.body;
      const start = typeof body === 'string' ? body.indexOf(prefix) : -1;
      if (typeof body !== 'string' || start < 0) return send(input, init);
      const end = body.indexOf('"', start + prefix.length);
      const id = Number(body.slice(start + prefix.length, end));
      const tools = waiting.get(id);
      if (tools === undefined) return send(input, init);
      waiting.delete(id);
      const filled = `${body.slice(0, start)}"tools":${tools}${body.slice(end + 1)}`;
      return send(input, { ...init, body: filled });
    }) as typeof fetch,
  };
}

/** Tool lists whose joined JSON is kept (the users chatting at once, about). */
const maxRecentLists = 16;
/** Bodies made but not yet sent, at most: more are calls that never reached fetch. */
const maxWaiting = 1000;
/** Tools kept for one schema, at most (a schema shared by many users' workflow or agent tools). */
const maxNamesPerSchema = 1000;

function isPlainFunctionTool(tool: unknown): tool is FunctionTool {
  if (typeof tool !== 'object' || tool === null) return false;
  const { type, function: fn } = tool as Record<string, unknown>;
  if (type !== 'function' || !onlyKeys(tool, toolKeys) || typeof fn !== 'object' || fn === null) return false;
  const { name, description, parameters, strict } = fn as Record<string, unknown>;
  return (
    onlyKeys(fn, functionKeys) &&
    typeof name === 'string' &&
    (description === undefined || typeof description === 'string') &&
    typeof parameters === 'object' &&
    parameters !== null &&
    (strict === undefined || typeof strict === 'boolean')
  );
}

const toolKeys = new Set(['type', 'function']);
const functionKeys = new Set(['name', 'description', 'parameters', 'strict']);

/** True when every own key of `object` is one of `keys` (no copy of the object, unlike a rest pattern). */
function onlyKeys(object: object, keys: Set<string>): boolean {
  for (const key in object) if (Object.hasOwn(object, key) && !keys.has(key)) return false;
  return true;
}
