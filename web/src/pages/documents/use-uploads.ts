import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { uploadFile } from './upload-file';

/** One file being sent, sent, or refused. */
export interface Upload {
  key: number;
  name: string;
  progress: number;
  state: 'sending' | 'done' | 'failed';
  error?: string;
  documentId?: string;
}

/** Uploads files one after another, keeping each one's progress and outcome for the page to show. */
export function useUploads() {
  const client = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(1);
  const change = (key: number, changes: Partial<Upload>) =>
    setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...changes } : upload)));

  const start = useCallback(
    async (files: File[]) => {
      const queued = files.map((file) => ({ file, key: nextKey.current++ }));
      setUploads((all) => [
        ...all.filter((upload) => upload.state === 'sending'),
        ...queued.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: 'sending' as const })),
      ]);
      for (const { file, key } of queued) {
        try {
          const document = await uploadFile(file, { onProgress: (progress) => change(key, { progress }) });
          change(key, { state: 'done', progress: 1, documentId: document.id });
        } catch (error) {
          change(key, { state: 'failed', error: errorMessage(error) });
        }
      }
      await client.invalidateQueries({ queryKey: ['documents'] });
    },
    [client],
  );
  const dismiss = (key: number) => setUploads((all) => all.filter((upload) => upload.key !== key));
  return { uploads, start, dismiss };
}
