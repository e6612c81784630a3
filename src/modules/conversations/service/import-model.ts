import type { z } from 'zod';
import { ImportInvalidError } from '../errors.js';
import type { Message, MessageError, MessageMetrics, Part } from '../schema.js';

/** Caps on one import, whatever its format. */
export const importLimits = { conversations: 10_000, messages: 200_000 } as const;

/** A message read from an import file, keyed by its id in the file. */
export interface ImportedMessage {
  key: string;
  parentKey: string | null;
  role: Message['role'];
  parts: Part[];
  status: Message['status'];
  error: MessageError | null;
  model: string | null;
  metrics: MessageMetrics | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A conversation read from an import file; its messages come parents first. */
export interface ImportedConversation {
  title: string;
  pinned: boolean;
  archived: boolean;
  tags: string[];
  model: string | null;
  createdAt: Date;
  updatedAt: Date;
  messages: ImportedMessage[];
  activeKey: string | null;
}

/** The first problem zod found, as an IMPORT_INVALID naming where it is. */
export function invalidImport(what: string, error: z.ZodError): ImportInvalidError {
  const [issue] = error.issues;
  const where = issue?.path.length ? issue.path.join('.') : 'the file';
  return new ImportInvalidError(`${what}: ${where}: ${issue?.message ?? 'is not valid'}`, {
    field: issue?.path.join('.') || 'body',
  });
}

/**
 * Orders messages so every parent comes before its children (the database checks each parent as
 * rows go in). Throws IMPORT_INVALID for a parent that is missing or a loop of parents.
 */
export function parentsFirst(items: ImportedMessage[], where: string): ImportedMessage[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  if (byKey.size !== items.length) throw new ImportInvalidError(`${where}: two messages share an id`);
  const depth = new Map<string, number>();
  const depthOf = (item: ImportedMessage): number => {
    const chain: ImportedMessage[] = [];
    const inChain = new Set<string>();
    let current: ImportedMessage | undefined = item;
    while (current && !depth.has(current.key)) {
      if (inChain.has(current.key))
        throw new ImportInvalidError(`${where}: message ${current.key} is its own ancestor`);
      chain.push(current);
      inChain.add(current.key);
      const parentKey: string | null = current.parentKey;
      if (parentKey === null) break;
      current = byKey.get(parentKey);
      if (!current)
        throw new ImportInvalidError(
          `${where}: message ${chain.at(-1)?.key} has an unknown parent ${parentKey}`,
        );
    }
    let known = current && depth.has(current.key) ? (depth.get(current.key) ?? 0) : -1;
    for (const node of chain.reverse()) depth.set(node.key, ++known);
    return depth.get(item.key) ?? 0;
  };
  return items
    .map((item, index) => ({ item, index, depth: depthOf(item) }))
    .sort((left, right) => left.depth - right.depth || left.index - right.index)
    .map(({ item }) => item);
}
