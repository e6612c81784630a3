/** One bar: its label (read by screen readers and shown on hover) and its value. */
export interface Bar {
  label: string;
  value: number;
  /** A bar drawn in the warning colour (a failed run). */
  warn?: boolean;
}

/**
 * A small bar chart in plain SVG, for a handful to a few hundred values: the bars scale to the
 * largest. It is an image with a title for screen readers; the page shows the figures as text too.
 */
export function BarChart({ title, bars, height = 80 }: { title: string; bars: Bar[]; height?: number }) {
  const width = 300;
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  // A few bars stay narrow (as if there were 12), starting at the left, rather than filling the width.
  const step = width / Math.max(bars.length, 12);
  const gap = step > 4 ? 1 : 0;
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className="h-20 w-full text-blue-700 dark:text-blue-400"
    >
      <title>{title}</title>
      <line
        x1={0}
        y1={height - 0.5}
        x2={width}
        y2={height - 0.5}
        className="stroke-neutral-300 dark:stroke-neutral-700"
      />
      {bars.map((bar, index) => {
        const barHeight = Math.max(1, (bar.value / largest) * (height - 2));
        return (
          <rect
            key={index}
            x={index * step + gap / 2}
            y={height - barHeight}
            width={Math.max(0.5, step - gap)}
            height={barHeight}
            className={bar.warn ? 'fill-red-600 dark:fill-red-400' : 'fill-current'}
          >
            <title>{`${bar.label}: ${bar.value}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
