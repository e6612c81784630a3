import { useState } from 'react';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { CountsChart } from './counts-chart';
import { useStats } from './events-api';
import { typeMatcher } from './tail-filter';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Your events counted per type over the last week, and how your deliveries are doing. */
export function StatsSection() {
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');
  const [types, setTypes] = useState('');
  const stats = useStats(bucket);
  return (
    <>
      <SectionHeading
        title="Analytics"
        description="Counts per event type, and delivery success and latency."
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <TextField
          label="Types to chart"
          value={types}
          placeholder="custom.* (the busiest by default)"
          onChange={(event) => setTypes(event.target.value)}
        />
        <SelectField
          label="Per"
          value={bucket}
          onChange={(event) => setBucket(event.target.value as 'hour' | 'day')}
        >
          <option value="day">Day</option>
          <option value="hour">Hour</option>
        </SelectField>
      </div>
      {stats.isPending ? (
        <Spinner label="Loading analytics" />
      ) : stats.isError ? (
        <ErrorNotice error={stats.error} />
      ) : (
        <>
          <dl aria-label="Deliveries" className="mb-6 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              ['Deliveries', String(stats.data.deliveries.total)],
              ['Delivered', percent(stats.data.deliveries.success_rate)],
              ['Dead letters', String(stats.data.deliveries.dead)],
              [
                'p95 response',
                stats.data.deliveries.p95_response_ms === null
                  ? '—'
                  : `${stats.data.deliveries.p95_response_ms} ms`,
              ],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
                <dt className="text-neutral-600 dark:text-neutral-400">{label}</dt>
                <dd className="text-lg font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
          {stats.data.counts.length === 0 ? (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">No events in this period.</p>
          ) : (
            <>
              <CountsChart
                counts={stats.data.counts.filter((row) => typeMatcher(types)(row.type))}
                bucket={bucket}
              />
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Events per type and {bucket}</caption>
                <thead>
                  <tr>
                    <th scope="col">{bucket === 'day' ? 'Day' : 'Hour'}</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="text-right">
                      Events
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.counts.map((row) => (
                    <tr
                      key={`${row.bucket}:${row.type}`}
                      className="border-t border-neutral-200 dark:border-neutral-800"
                    >
                      <td>{new Date(row.bucket).toLocaleString()}</td>
                      <td>
                        <code className="text-xs">{row.type}</code>
                      </td>
                      <td className="text-right">{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </>
  );
}
