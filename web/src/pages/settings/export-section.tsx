import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { ImportReport } from '../../api/portability-types';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { SectionHeading } from '../../components/section-nav';
import { useToast } from '../../components/toast';
import { downloadFile } from '../../api/download';

const sectionNames: Record<keyof ImportReport, string> = {
  memories: 'Memories',
  context_spaces: 'Context spaces',
  agents: 'Agents',
  workflows: 'Workflows',
};

async function importFile(file: File): Promise<ImportReport> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error(`“${file.name}” is not JSON. Choose a file made by Export my data.`);
  }
  return api<ImportReport>('/api/v1/me/import', { method: 'POST', body: data });
}

/** Your memories, context spaces, agents and workflows as one file: download it, or import one. */
export function ExportSection() {
  const toast = useToast();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const importing = useMutation({ mutationFn: importFile });
  const exportAll = () => {
    setExporting(true);
    const day = new Date().toISOString().slice(0, 10);
    downloadFile('/api/v1/me/export', `switchboard-export-${day}.json`)
      .catch((error: unknown) =>
        toast({ tone: 'error', message: `The export failed: ${errorMessage(error)}` }),
      )
      .finally(() => setExporting(false));
  };
  return (
    <section>
      <SectionHeading
        title="Export and import"
        description="Your memories, context spaces (current values), agents and workflows as one JSON file. An import adds new items: a name you already use gets a copy with a suffix, a memory you already have is skipped, nothing is overwritten."
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={exportAll} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export my data'}
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={importing.isPending}>
          Import a file…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Export file to import"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) importing.mutate(file);
          }}
        />
      </div>
      {importing.isPending && <Spinner label="Importing" />}
      <ErrorNotice error={importing.error} className="mt-3" />
      {importing.data && <ImportReportView report={importing.data} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div aria-label="Import report" className="mt-4 flex flex-col gap-3 text-sm">
      {(Object.keys(sectionNames) as (keyof ImportReport)[]).map((section) => {
        const { created, skipped } = report[section];
        return (
          <div key={section}>
            <p className="font-medium">
              {sectionNames[section]}: {created.length} created, {skipped.length} skipped
            </p>
            <ul className="ml-4 list-disc text-neutral-600 dark:text-neutral-400">
              {created
                .filter((item) => item.renamed_from !== null)
                .map((item) => (
                  <li key={item.id}>
                    “{item.renamed_from}” was taken: imported as “{item.name}”
                  </li>
                ))}
              {skipped.map((item) => (
                <li key={item.exported_id}>
                  Skipped “{item.name}”: {item.reason}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
