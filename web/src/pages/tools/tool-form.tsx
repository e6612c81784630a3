import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { callTool, type ToolInfo } from './tool-api';
import { ToolResult } from './tool-result';
import { buildBody, initialValues } from './schema-form/form-body';
import { SchemaFieldInput } from './schema-form/schema-field-input';
import { describeFields, type FieldValue } from './schema-form/schema-fields';

/** A tool's form generated from its input schema; Run calls it (a destructive tool asks first). */
export function ToolForm({ tool }: { tool: ToolInfo }) {
  const fields = useMemo(() => describeFields(tool.input_schema), [tool.input_schema]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<Record<string, unknown> | null>(null);
  const run = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      const started = performance.now();
      const result = await callTool(tool.name, body);
      return { result, milliseconds: performance.now() - started };
    },
  });
  const serverField =
    run.error instanceof ApiError && run.error.field ? run.error.field.split('.')[0] : undefined;
  const placed = serverField !== undefined && fields.some((field) => field.name === serverField);
  const errorFor = (name: string) =>
    formErrors[name] ?? (placed && serverField === name ? (run.error as ApiError).message : undefined);

  const submit = () => {
    const built = buildBody(fields, values);
    if (!built.ok) {
      setFormErrors(built.errors);
      return;
    }
    setFormErrors({});
    if (tool.annotations.destructive_hint) setConfirming(built.body);
    else run.mutate(built.body);
  };

  return (
    <>
      <form
        aria-label={`Run ${tool.title}`}
        noValidate
        className="mt-6 flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {fields.length === 0 && (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">This tool takes no input.</p>
        )}
        {fields.map((field) => (
          <SchemaFieldInput
            key={field.name}
            field={field}
            value={values[field.name] ?? field.initial}
            error={errorFor(field.name)}
            onChange={(value: FieldValue) => setValues((current) => ({ ...current, [field.name]: value }))}
          />
        ))}
        {!placed && <ErrorNotice error={run.error} />}
        <div className="flex items-center gap-3">
          <Button
            type="submit"
            variant={tool.annotations.destructive_hint ? 'danger' : 'primary'}
            disabled={run.isPending}
          >
            {run.isPending ? 'Running…' : 'Run'}
          </Button>
          {run.isPending && <Spinner label={`Running ${tool.title}`} />}
        </div>
      </form>
      {run.data && <ToolResult result={run.data.result} milliseconds={run.data.milliseconds} />}
      <Dialog
        open={confirming !== null}
        title={`Run “${tool.title}”?`}
        onClose={() => setConfirming(null)}
        footer={
          <>
            <Button onClick={() => setConfirming(null)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                if (confirming) run.mutate(confirming);
                setConfirming(null);
              }}
            >
              Run it
            </Button>
          </>
        }
      >
        <p>This tool deletes or overwrites something, and it cannot be undone.</p>
      </Dialog>
    </>
  );
}
