/** A field's hint or, when there is one, its error. */
export function FieldNote({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error)
    return (
      <p id={id} className="text-xs text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  if (!hint) return null;
  return (
    <p id={id} className="text-xs text-neutral-600 dark:text-neutral-400">
      {hint}
    </p>
  );
}
