/** One writer of a space's entries: a user, and how they came in (themselves, an agent, a workflow…). */
export interface Writer {
  id: string;
  /** The user who wrote (null: the server itself). */
  userId: string | null;
  label: string;
}

/** A write seen in the space's history of events: who, through what, which key. */
export interface Write {
  userId: string | null;
  via: string;
  key: string;
}

/** What the relationship graph draws: writers on the left, entry keys on the right, a line per pair. */
export interface Relations {
  writers: Writer[];
  keys: string[];
  links: { writer: string; key: string; count: number }[];
}

/**
 * Who wrote what in a space: each (user, surface) pair that wrote a key is a writer, joined to the
 * keys they wrote and how often. Entries whose writes are older than the events kept still count
 * their last writer (`updated_by`) as a write through an unknown surface.
 */
export function relationsOf({
  writes,
  entries,
  nameOf,
}: {
  writes: Write[];
  entries: { key: string; updated_by: string | null }[];
  nameOf: (userId: string | null) => string;
}): Relations {
  const all = [...writes];
  for (const entry of entries)
    if (!writes.some((write) => write.key === entry.key))
      all.push({ userId: entry.updated_by, via: '', key: entry.key });
  const writers = new Map<string, Writer>();
  const links = new Map<string, { writer: string; key: string; count: number }>();
  for (const write of all) {
    const id = `${write.userId ?? 'server'}:${write.via}`;
    if (!writers.has(id))
      writers.set(id, {
        id,
        userId: write.userId,
        label: write.via ? `${nameOf(write.userId)} via ${write.via}` : nameOf(write.userId),
      });
    const linkId = `${id}|${write.key}`;
    const link = links.get(linkId) ?? { writer: id, key: write.key, count: 0 };
    link.count += 1;
    links.set(linkId, link);
  }
  const keys = [...new Set(all.map((write) => write.key))].sort();
  return { writers: [...writers.values()], keys, links: [...links.values()] };
}
