import { SelectField, TextField } from '../../../components/field';
import type { PromptArgument } from '../prompt-api';
import { renderPreview } from './render-template';

/** A value per argument and the template filled with them, as the server would, updating as the user types. */
export function TemplatePreview({
  template,
  declared,
  values,
  onValues,
}: {
  template: string;
  declared: PromptArgument[];
  values: Record<string, string>;
  onValues: (values: Record<string, string>) => void;
}) {
  const named = declared.filter((argument) => argument.name.trim());
  const preview = renderPreview(template, named, values);
  return (
    <section
      aria-labelledby="preview-title"
      className="flex min-w-0 flex-col gap-3 lg:sticky lg:top-4 lg:self-start"
    >
      <h2 id="preview-title" className="text-lg font-semibold">
        Preview
      </h2>
      {named.map((argument) => {
        const field = {
          label: `${argument.name}${argument.required ? ' (required)' : ''}`,
          hint: argument.description,
          value: values[argument.name] ?? '',
          onChange: (event: { target: { value: string } }) =>
            onValues({ ...values, [argument.name]: event.target.value }),
        };
        return argument.enum ? (
          <SelectField key={argument.name} {...field}>
            <option value="">{argument.default ? `Default: ${argument.default}` : 'Not set'}</option>
            {argument.enum.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </SelectField>
        ) : (
          <TextField key={argument.name} {...field} placeholder={argument.default} />
        );
      })}
      {preview.ok ? (
        <>
          {preview.missing.length > 0 && (
            <p className="text-sm text-amber-800 dark:text-amber-300">
              Missing required: {preview.missing.join(', ')}
            </p>
          )}
          {preview.outsideEnum.length > 0 && (
            <p className="text-sm text-amber-800 dark:text-amber-300">
              Not an allowed value: {preview.outsideEnum.join(', ')}
            </p>
          )}
          <pre
            aria-label="Rendered prompt"
            className="min-h-24 whitespace-pre-wrap break-words rounded-md border border-neutral-200 bg-neutral-50 p-3 text-sm dark:border-neutral-800 dark:bg-neutral-900"
          >
            {preview.text || <span className="text-neutral-600 dark:text-neutral-400">Nothing yet.</span>}
          </pre>
        </>
      ) : (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The template does not parse: {preview.error}
        </p>
      )}
    </section>
  );
}
