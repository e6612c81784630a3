/** How one line of a unified diff is shown: its marker spelled out for screen readers, and its colours. */
const looks = {
  added: {
    label: 'added',
    className: 'bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100',
  },
  removed: { label: 'removed', className: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100' },
  hunk: { label: '', className: 'text-blue-800 dark:text-blue-300' },
  context: { label: '', className: 'text-neutral-800 dark:text-neutral-200' },
};

/** The kind of each line of a unified diff; file headers are left out. */
export function diffLines(diff: string): { kind: keyof typeof looks; text: string }[] {
  return diff
    .split('\n')
    .filter((line) => !/^(Index: |={3,}|--- |\+\+\+ )/.test(line) && line !== '')
    .map((line) => ({
      kind: line.startsWith('+')
        ? 'added'
        : line.startsWith('-')
          ? 'removed'
          : line.startsWith('@@')
            ? 'hunk'
            : 'context',
      text: line,
    }));
}

/** A unified diff with added and removed lines coloured; the +/- markers stay, so colour is not the only sign. */
export function DiffView({ diff, sameText }: { diff: string; sameText: string }) {
  const lines = diffLines(diff);
  if (!lines.some((line) => line.kind === 'added' || line.kind === 'removed'))
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">{sameText}</p>;
  return (
    <pre
      aria-label="Differences"
      className="overflow-x-auto rounded-md border border-neutral-200 py-2 text-sm dark:border-neutral-800"
    >
      {lines.map((line, index) => (
        <div key={index} className={`px-3 ${looks[line.kind].className}`}>
          {looks[line.kind].label && <span className="sr-only">{looks[line.kind].label}: </span>}
          {line.text}
        </div>
      ))}
    </pre>
  );
}
