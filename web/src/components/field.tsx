import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

export const inputClass =
  'w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-500 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-400';

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Visually hidden label, still read by screen readers. */
  hideLabel?: boolean;
}

function Frame({
  id,
  label,
  hint,
  error,
  hideLabel,
  children,
}: FieldFrameProps & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-sm font-medium'}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: FieldFrameProps) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** A labelled text input with an optional hint and error. */
export function TextField({
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...props
}: FieldFrameProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        className={`${inputClass} ${className}`}
        {...props}
      />
    </Frame>
  );
}

/** A labelled multi-line input. */
export function TextArea({
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...props
}: FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        className={`${inputClass} ${className}`}
        {...props}
      />
    </Frame>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  hint,
  error,
  hideLabel,
  className = '',
  children,
  ...props
}: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        className={`${inputClass} ${className}`}
        {...props}
      >
        {children}
      </select>
    </Frame>
  );
}
