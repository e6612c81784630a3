import { ApiError, redirectToSignIn } from '../../api/client';
import type { DocumentSummary } from './document-api';

/**
 * Uploads one file to POST /api/v1/resources/upload, reporting progress (0–1) as it is sent.
 * XMLHttpRequest rather than `api()`: fetch cannot report upload progress. Errors are ApiErrors,
 * like every other call, so they read the same wherever they are shown.
 */
export function uploadFile(
  file: File,
  { onProgress, signal }: { onProgress: (fraction: number) => void; signal?: AbortSignal },
): Promise<DocumentSummary> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/resources/upload');
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) return resolve(request.response as DocumentSummary);
      if (request.status === 401) redirectToSignIn();
      const error = (
        request.response as { error?: { code?: string; message?: string; field?: string } } | null
      )?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? `HTTP_${request.status}`,
          error?.message ?? readableStatus(request.status),
          error?.field,
        ),
      );
    };
    request.onerror = () =>
      reject(
        new ApiError(
          0,
          'NETWORK_ERROR',
          'The server could not be reached. Check your connection and try again.',
        ),
      );
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort());
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}

function readableStatus(status: number): string {
  if (status === 413) return 'The file is larger than the server accepts.';
  return `The upload failed (${status}).`;
}
