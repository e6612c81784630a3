import type { ReactNode } from 'react';

/** A titled part of a long page (a workflow's or an agent's: run, definition, versions…), named for screen readers. */
export function PageSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
