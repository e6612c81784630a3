import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, errorMessage } from '../../../api/client';
import type { ImportResult } from '../../../api/conversations';
import { useToast } from '../../../components/toast';
import { downloadFile } from '../../../api/download';

export type ExportFormat = 'json' | 'markdown';

/** Downloads an export of one conversation (`id`) or of all of them; a failure shows as a toast. */
export function useExport() {
  const toast = useToast();
  return useCallback(
    ({ id, format }: { id?: string; format: ExportFormat }) => {
      const base = id ? `/api/v1/conversations/${encodeURIComponent(id)}` : '/api/v1/conversations';
      const fallbackName = `conversations.${format === 'json' ? 'json' : 'md'}`;
      downloadFile(`${base}/export?format=${format}`, fallbackName).catch((error: unknown) =>
        toast({ tone: 'error', message: `The export failed: ${errorMessage(error)}` }),
      );
    },
    [toast],
  );
}

async function importFile(file: File): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error(
      `“${file.name}” is not JSON. Choose a Switchboard JSON export or ChatGPT’s conversations.json.`,
    );
  }
  return api<ImportResult>('/api/v1/conversations/import', { method: 'POST', body: data });
}

/** Imports a Switchboard JSON export or ChatGPT's conversations.json, then says how many came in. */
export function useImport() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: importFile,
    onSuccess: async ({ imported }) => {
      toast({ message: `Imported ${imported} ${imported === 1 ? 'conversation' : 'conversations'}.` });
      await queryClient.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}
