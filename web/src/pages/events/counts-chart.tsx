import type { EventStats } from '../../api/event-types';
import { BarChart } from '../../components/bar-chart';

/** How many types get a chart of their own; the rest are in the table below. */
const chartedTypes = 6;

/** Each of the busiest types' counts over the period's buckets, oldest first, as small bar charts. */
export function CountsChart({ counts, bucket }: { counts: EventStats['counts']; bucket: 'hour' | 'day' }) {
  const buckets = [...new Set(counts.map((row) => row.bucket))].sort();
  const totals = new Map<string, number>();
  for (const row of counts) totals.set(row.type, (totals.get(row.type) ?? 0) + row.count);
  const busiest = [...totals].sort((left, right) => right[1] - left[1]).slice(0, chartedTypes);
  const when = (at: string) =>
    bucket === 'day' ? new Date(at).toLocaleDateString() : new Date(at).toLocaleString();
  return (
    <ul aria-label="Events over time" className="mb-6 grid gap-4 sm:grid-cols-2">
      {busiest.map(([type, total]) => (
        <li key={type} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
          <p className="mb-1 flex justify-between text-sm">
            <code className="text-xs">{type}</code>
            <span>{total}</span>
          </p>
          <BarChart
            title={`${type}: ${total} events, per ${bucket}`}
            bars={buckets.map((at) => ({
              label: when(at),
              value: counts.find((row) => row.bucket === at && row.type === type)?.count ?? 0,
            }))}
          />
        </li>
      ))}
    </ul>
  );
}
