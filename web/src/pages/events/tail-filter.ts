/** What the live tail shows: a type pattern (`*` any run of characters), payload text, how recent. */
export interface TailFilter {
  type: string;
  text: string;
  /** Minutes back from now; 0 keeps every event received. */
  withinMinutes: number;
}

/** A type pattern as a test: `task.*` matches `task.created`; an empty pattern matches all. */
export function typeMatcher(pattern: string): (type: string) => boolean {
  const trimmed = pattern.trim();
  if (!trimmed) return () => true;
  const escaped = trimmed.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const expression = new RegExp(`^${escaped}$`);
  return (type) => expression.test(type);
}

/** Whether an event passes the filter at `now` (ms). */
export function matchesEventFilter(
  event: { type: string; at: string; data: unknown },
  filter: TailFilter,
  now: number,
): boolean {
  if (!typeMatcher(filter.type)(event.type)) return false;
  if (filter.withinMinutes > 0 && Date.parse(event.at) < now - filter.withinMinutes * 60_000) return false;
  const text = filter.text.trim().toLowerCase();
  return !text || JSON.stringify(event.data).toLowerCase().includes(text);
}
