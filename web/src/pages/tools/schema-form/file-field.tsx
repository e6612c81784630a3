import { useId, useState } from 'react';
import { FieldNote } from './field-note';

/** A file picker for a base64 field: the file is read in the browser and sent as a data: URL. */
export function FileField({
  label,
  hint,
  error,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const [status, setStatus] = useState('');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="file"
        aria-describedby={`${id}-note`}
        aria-invalid={error ? true : undefined}
        className="text-sm file:mr-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-neutral-700 dark:file:bg-neutral-900 dark:file:text-neutral-100"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) {
            setStatus('');
            onChange('');
            return;
          }
          setStatus(`Reading ${file.name}…`);
          const reader = new FileReader();
          reader.onload = () => {
            setStatus(`${file.name}, ${Math.ceil(file.size / 1024)} KB`);
            onChange(String(reader.result));
          };
          reader.onerror = () => setStatus(`${file.name} could not be read.`);
          reader.readAsDataURL(file);
        }}
      />
      {status && <p className="text-xs text-neutral-700 dark:text-neutral-300">{status}</p>}
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}
