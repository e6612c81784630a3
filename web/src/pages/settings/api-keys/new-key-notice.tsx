import { CopyButton } from '../../../components/copy-button';

/** A key just created, shown this once, with a Copy button and the warning that it will not be shown again. */
export function NewKeyNotice({ secret }: { secret: string }) {
  return (
    <div className="flex flex-col gap-3">
      <p
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      >
        Copy this key now: it will not be shown again. Anyone who has it can act as you within its scopes.
      </p>
      <code
        aria-label="Your new API key"
        className="block break-all rounded-md bg-neutral-100 px-3 py-2 font-mono text-sm select-all dark:bg-neutral-800"
      >
        {secret}
      </code>
      <div>
        <CopyButton text={secret} label="Copy key" />
      </div>
    </div>
  );
}
