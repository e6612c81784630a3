import { BarChart } from '../../components/bar-chart';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { type MemoryScope, useMemoryAnalytics } from './memory-api';

/** How memory is used: counts, recall hit rate, growth over the last days, the most recalled facts. */
export function MemoryAnalyticsPanel({ scope }: { scope: MemoryScope }) {
  const analytics = useMemoryAnalytics(scope);
  return (
    <section aria-label="Memory analytics" className="mt-10">
      <h2 className="mb-3 text-lg font-semibold">Use</h2>
      {analytics.isPending ? (
        <Spinner label="Loading analytics" />
      ) : analytics.isError ? (
        <ErrorNotice error={analytics.error} />
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              ['Active', String(analytics.data.active)],
              ['Archived', String(analytics.data.archived)],
              ['Recalls', String(analytics.data.recalls)],
              [
                'Recalls that found one',
                analytics.data.recall_hit_rate === null
                  ? '—'
                  : `${Math.round(analytics.data.recall_hit_rate * 100)}%`,
              ],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
                <dt className="text-neutral-600 dark:text-neutral-400">{label}</dt>
                <dd className="text-lg font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
          {analytics.data.growth.some((day) => day.created > 0) && (
            <figure className="mb-4">
              <BarChart
                title={`Memories added per day over the last ${analytics.data.growth.length} days`}
                bars={analytics.data.growth.map((day) => ({ label: day.day, value: day.created }))}
              />
              <figcaption className="text-sm">
                Added in the last {analytics.data.growth.length} days:{' '}
                {analytics.data.growth.reduce((sum, day) => sum + day.created, 0)}
              </figcaption>
            </figure>
          )}
          {analytics.data.most_used.length > 0 && (
            <>
              <h3 className="mb-1 font-semibold">Most recalled</h3>
              <ol className="list-decimal pl-5 text-sm">
                {analytics.data.most_used.map((memory) => (
                  <li key={memory.id}>
                    {memory.text} ({memory.used_count})
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
