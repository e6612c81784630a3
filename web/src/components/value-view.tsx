import { humanize } from './humanize';

export { humanize };

/**
 * Any JSON value (a tool's arguments or result) shown for people rather than as raw JSON: objects as
 * labelled rows, lists as numbered items, long text as a block, nested levels indented. A "JSON"
 * toggle beside it is left to the caller. Ids never wrap: they end in an ellipsis, whole on hover.
 */
/** One long word — an id, a hash, a URL: broken over lines it reads as two values, so it is cut with an ellipsis. */
const oneLongWord = /^\S{24,}$/;

export function ValueView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined)
    return <span className="text-neutral-600 dark:text-neutral-400">—</span>;
  if (typeof value === 'boolean') return <span>{value ? 'yes' : 'no'}</span>;
  if (typeof value === 'number') return <span className="tabular-nums">{value.toLocaleString()}</span>;
  if (typeof value === 'string' && oneLongWord.test(value))
    return (
      <span className="block truncate font-mono text-xs" title={value}>
        {value}
      </span>
    );
  if (typeof value === 'string')
    return value.length > 120 || value.includes('\n') ? (
      <p className="whitespace-pre-wrap break-words">{value}</p>
    ) : (
      <span className="break-words">{value}</span>
    );
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-neutral-600 dark:text-neutral-400">none</span>;
    if (depth > 3) return <code className="break-all text-xs">{JSON.stringify(value)}</code>;
    return (
      <ol className="list-decimal space-y-1 pl-5">
        {value.map((item, index) => (
          <li key={index}>
            <ValueView value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="text-neutral-600 dark:text-neutral-400">empty</span>;
    if (depth > 3) return <code className="break-all text-xs">{JSON.stringify(value)}</code>;
    return (
      <dl className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-1">
        {entries.map(([key, item]) => (
          <div key={key} className="contents">
            <dt className="text-neutral-600 dark:text-neutral-400">{humanize(key)}</dt>
            <dd className="min-w-0">
              <ValueView value={item} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
