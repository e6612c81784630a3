/** A rating as stars with its number spelled out for screen readers. */
export function Stars({ average, count }: { average: number | null; count: number }) {
  if (average === null)
    return <span className="text-sm text-neutral-600 dark:text-neutral-400">No reviews yet</span>;
  const full = Math.round(average);
  return (
    <span className="text-sm">
      <span aria-hidden="true" className="text-amber-600 dark:text-amber-400">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>
      <span className="sr-only">Rated {average.toFixed(1)} out of 5</span> ({count})
    </span>
  );
}
