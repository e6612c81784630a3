import { useState } from 'react';
import { Button } from '../../components/button';
import { ValueView } from '../../components/value-view';
import type { ToolCallResult } from './tool-api';

/** A tool's answer: its readable summary and structured result (or its error), with the raw JSON on request. */
export function ToolResult({ result, milliseconds }: { result: ToolCallResult; milliseconds: number }) {
  const [showJson, setShowJson] = useState(false);
  const summary = result.content.map((item) => item.text).join('\n');
  const failure = result.structured_content as { error_code?: string; message?: string };
  return (
    <section
      aria-labelledby="result-title"
      className="mt-8 flex flex-col gap-3 border-t border-neutral-200 pt-6 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="result-title" className="text-lg font-semibold">
          {result.is_error ? 'The tool failed' : 'Result'}
        </h3>
        <div className="flex items-center gap-3">
          <span className="text-sm text-neutral-600 dark:text-neutral-400">
            {milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`}
          </span>
          <Button size="sm" aria-pressed={showJson} onClick={() => setShowJson(!showJson)}>
            {showJson ? 'Hide JSON' : 'Show JSON'}
          </Button>
        </div>
      </div>
      {result.is_error ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <code className="font-semibold">{failure.error_code ?? 'ERROR'}</code>
          <p>{failure.message ?? summary}</p>
        </div>
      ) : (
        <>
          {summary && (
            <p className="whitespace-pre-wrap text-sm text-neutral-800 dark:text-neutral-200">{summary}</p>
          )}
          <div className="rounded-md border border-neutral-200 p-3 text-sm dark:border-neutral-800">
            <ValueView value={result.structured_content} />
          </div>
        </>
      )}
      {showJson && (
        <pre
          aria-label="Result as JSON"
          className="overflow-x-auto rounded-md bg-neutral-100 p-3 text-xs dark:bg-neutral-900"
        >
          {JSON.stringify(result, null, 2)}
        </pre>
      )}
    </section>
  );
}
