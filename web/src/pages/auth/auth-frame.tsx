import type { FormEvent, ReactNode } from 'react';
import { ErrorNotice } from '../../components/feedback';

/** The centred card the signed-out pages share: a title, a line about it, a form and its error. */
export function AuthFrame({
  title,
  intro,
  error,
  onSubmit,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  error: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold text-neutral-600 dark:text-neutral-400">
          Switchboard
        </p>
        <div className="rounded-lg border border-neutral-200 p-6 shadow-sm dark:border-neutral-800">
          <h1 className="text-xl font-semibold">{title}</h1>
          {intro && <div className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{intro}</div>}
          <form className="mt-5 flex flex-col gap-4" onSubmit={onSubmit} noValidate={false}>
            {children}
            <ErrorNotice error={error} />
          </form>
        </div>
        {footer && <div className="mt-4 text-center text-sm">{footer}</div>}
      </div>
    </main>
  );
}

/** The fields of a submitted form, by name. */
export function formFields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries(
    [...new FormData(event.currentTarget).entries()].map(([key, value]) => [key, String(value)]),
  );
}

/** Where to go after signing in: `?next=` when it is a page of this site, else the chat. */
export function nextPath(search: URLSearchParams): string {
  const next = new URL(search.get('next') ?? '/chat', location.origin);
  // Anything that resolves elsewhere (//x, /\x, https://x) goes to the chat.
  return next.origin === location.origin ? `${next.pathname}${next.search}${next.hash}` : '/chat';
}
