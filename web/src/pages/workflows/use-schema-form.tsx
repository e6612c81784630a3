import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { buildBody, initialValues } from '../tools/schema-form/form-body';
import { SchemaFieldInput } from '../tools/schema-form/schema-field-input';
import { describeFields, type FieldValue, type JsonSchema } from '../tools/schema-form/schema-fields';

/**
 * A form generated from a JSON Schema (the Tools page's generator): a run's input from the
 * workflow's input_schema, an approval's form fields. `build` answers the body or marks the fields
 * that are not right; a server error naming a field (`input.topic`, `values.topic`) shows on it.
 */
export function useSchemaForm(schema: Record<string, unknown> | null | undefined, serverError?: unknown) {
  const fields = useMemo(() => describeFields((schema ?? {}) as JsonSchema), [schema]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverField =
    serverError instanceof ApiError && serverError.field ? serverError.field.split('.').at(-1) : undefined;
  const placed = serverField !== undefined && fields.some((field) => field.name === serverField);

  const build = (): Record<string, unknown> | null => {
    const built = buildBody(fields, values);
    if (!built.ok) {
      setErrors(built.errors);
      return null;
    }
    setErrors({});
    return built.body;
  };

  const inputs = fields.map((field) => (
    <SchemaFieldInput
      key={field.name}
      field={field}
      value={values[field.name] ?? field.initial}
      error={
        errors[field.name] ??
        (placed && serverField === field.name ? (serverError as ApiError).message : undefined)
      }
      onChange={(value: FieldValue) => setValues((current) => ({ ...current, [field.name]: value }))}
    />
  ));
  return { inputs, build, empty: fields.length === 0, placed };
}
