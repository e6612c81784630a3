import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';

/** An API error shown where it happened, as a sentence. Renders nothing without an error. */
export function ErrorNotice({ error, className = '' }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      className={`rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200 ${className}`}
    >
      {errorMessage(error)}
      {error instanceof ApiError && (
        // The server's stable code: what to quote when asking for help, or to look up in the docs.
        <>
          {' '}
          <span className="font-mono text-xs">({error.code})</span>
        </>
      )}
    </p>
  );
}

/** A small spinning ring with a label for screen readers. */
export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span
      role="status"
      className="inline-flex items-center gap-2 text-sm text-neutral-600 dark:text-neutral-400"
    >
      <span
        aria-hidden
        className="size-4 animate-spin rounded-full border-2 border-neutral-300 border-t-blue-700 dark:border-neutral-700 dark:border-t-blue-400"
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** What a list shows when it has nothing in it: a sentence and, often, the action that fills it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-neutral-300 px-6 py-10 text-center dark:border-neutral-700">
      <p className="font-medium">{title}</p>
      {children && (
        // Links in the sentence are underlined: told apart from the text by more than colour.
        <div className="mt-2 text-sm text-neutral-600 dark:text-neutral-400 [&_a]:underline">{children}</div>
      )}
    </div>
  );
}

/** A page's title, a line about it, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description && <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </header>
  );
}
