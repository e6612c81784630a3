import { ApiError, redirectToSignIn } from './client';

/** The file name a Content-Disposition header gives (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameFrom(header: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header ?? '')?.[1] ?? fallback;
}

/** Fetches a file the API offers as a download and saves it under the server's name; throws ApiError. */
export async function downloadFile(path: string, fallbackName: string) {
  const response = await fetch(path, { headers: { accept: 'application/json, text/markdown' } }).catch(() => {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection and try again.',
    );
  });
  if (!response.ok) {
    if (response.status === 401) redirectToSignIn();
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? `The download failed (${response.status}).`,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
