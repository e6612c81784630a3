import { Link } from 'react-router';

/** A path the app does not have. */
export function Component() {
  return (
    <div className="mx-auto mt-16 max-w-md px-4 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300">There is no page at this address.</p>
      <p className="mt-4">
        <Link to="/chat">Go to the chat</Link>
      </p>
    </div>
  );
}
