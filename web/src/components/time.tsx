const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 2 days", "now": how far a moment is from now, in words. */
export function fromNow(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}

/** A moment as a date and time (or relative to now), with the full date on hover; `fallback` when there is none. */
export function Time({
  value,
  relativeToNow = false,
  fallback = '—',
}: {
  value: string | null | undefined;
  relativeToNow?: boolean;
  fallback?: string;
}) {
  if (!value) return <span>{fallback}</span>;
  const date = new Date(value);
  const full = dateTime.format(date);
  return (
    <time dateTime={date.toISOString()} title={full}>
      {relativeToNow ? fromNow(date) : full}
    </time>
  );
}
