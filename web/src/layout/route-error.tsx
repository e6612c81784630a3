import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** What a page shows when it fails to load or render: a sentence and a way back, never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error && /dynamically imported module|Loading chunk/i.test(error.message)
      ? 'A new version of Switchboard is available. Reload the page to continue.'
      : 'Something went wrong on this page.';
  return (
    <div role="alert" className="mx-auto mt-16 max-w-md px-4 text-center">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300">{message}</p>
      <p className="mt-4 flex justify-center gap-4">
        <button type="button" className="underline" onClick={() => location.reload()}>
          Reload
        </button>
        <Link to="/chat">Go to the chat</Link>
      </p>
    </div>
  );
}
