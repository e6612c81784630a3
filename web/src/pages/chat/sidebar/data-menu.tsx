import { useRef } from 'react';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { ActionsMenu } from './actions-menu';
import { useExport, useImport } from './use-transfer';

/** Export every conversation (JSON or Markdown) or import a file of them, from one small menu. */
export function DataMenu() {
  const fileInput = useRef<HTMLInputElement>(null);
  const exportAll = useExport();
  const importing = useImport();
  return (
    <>
      <ActionsMenu
        label="Import and export"
        align="end"
        buttonClassName="border border-neutral-300 p-2 dark:border-neutral-700"
        actions={[
          { label: 'Export all as JSON', icon: 'download', onSelect: () => exportAll({ format: 'json' }) },
          {
            label: 'Export all as Markdown',
            icon: 'download',
            onSelect: () => exportAll({ format: 'markdown' }),
          },
          { label: 'Import conversations…', icon: 'upload', onSelect: () => fileInput.current?.click() },
        ]}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Conversations file to import"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importing.mutate(file);
        }}
      />
      {importing.isPending && (
        <p className="w-full text-sm">
          <Spinner label="Importing conversations" />
        </p>
      )}
      {importing.error && (
        <div className="w-full">
          <ErrorNotice error={importing.error} />
        </div>
      )}
    </>
  );
}
