import { useId } from 'react';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { FieldNote as Note } from './field-note';
import { FileField } from './file-field';
import type { FieldDescription, FieldValue } from './schema-fields';

interface InputProps {
  field: FieldDescription;
  value: FieldValue;
  error?: string;
  onChange: (value: FieldValue) => void;
  /** A datalist's id: values a text field offers as you type (the workflow step form's expressions). */
  suggestions?: string | undefined;
}

/** One generated input: the control its kind calls for, labelled, with its hint and error. */
export function SchemaFieldInput({ field, value, error, onChange, suggestions }: InputProps) {
  const label = field.required ? `${field.label} (required)` : field.label;
  const common = { label, hint: field.hint, error };
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'textarea':
    case 'lines':
    case 'json':
      return (
        <TextArea
          {...common}
          hint={[field.hint, kindHint[field.kind]].filter(Boolean).join(' ')}
          rows={field.kind === 'textarea' ? 6 : 4}
          value={text}
          className={field.kind === 'json' ? 'font-mono' : ''}
          spellCheck={field.kind === 'textarea'}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'select':
      return (
        <SelectField {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {!field.required && <option value="">Not set</option>}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case 'number':
      return (
        <TextField
          {...common}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox field={field} label={label} checked={value === true} error={error} onChange={onChange} />
      );
    case 'choices':
      return (
        <Choices
          field={field}
          label={label}
          value={Array.isArray(value) ? value : []}
          error={error}
          onChange={onChange}
        />
      );
    case 'file':
      return <FileField label={label} hint={field.hint} error={error} onChange={onChange} />;
    default:
      return (
        <TextField
          {...common}
          hint={[field.hint, field.booleanText ? 'true, false or text.' : ''].filter(Boolean).join(' ')}
          list={suggestions}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

const kindHint = { textarea: '', lines: 'One a line.', json: 'JSON.' };

function Checkbox({
  field,
  label,
  checked,
  error,
  onChange,
}: {
  field: FieldDescription;
  label: string;
  checked: boolean;
  error?: string;
  onChange: (value: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={field.hint || error ? `${id}-note` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <Note id={`${id}-note`} hint={field.hint} error={error} />
    </div>
  );
}

function Choices({
  field,
  label,
  value,
  error,
  onChange,
}: {
  field: FieldDescription;
  label: string;
  value: string[];
  error?: string;
  onChange: (value: string[]) => void;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-note`}>
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {field.options?.map((option) => (
          <label key={option} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.includes(option)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, option] : value.filter((item) => item !== option))
              }
            />
            {option}
          </label>
        ))}
      </div>
      <Note id={`${id}-note`} hint={field.hint ?? 'None picked means the tool’s default.'} error={error} />
    </fieldset>
  );
}
