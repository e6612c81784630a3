import { ApiError } from '../../api/client';

/** Better Auth's codes for a refused change, as sentences. */
const messages: Record<string, string> = {
  INVALID_PASSWORD: 'The current password is wrong.',
  PASSWORD_TOO_SHORT: 'The new password is too short.',
  PASSWORD_TOO_LONG: 'The new password is too long: use at most 256 characters.',
};

/**
 * Changes the signed-in user's password through Better Auth, which answers `{code, message}`
 * rather than the API's `{error}`, so its refusals are read here.
 */
export async function changePassword(input: {
  currentPassword: string;
  newPassword: string;
  revokeOtherSessions: boolean;
}): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/change-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    error?: { code?: string; message?: string };
  };
  const code = body.code ?? body.error?.code ?? `HTTP_${response.status}`;
  const message =
    messages[code] ??
    body.error?.message ??
    body.message ??
    `The password was not changed (${response.status}).`;
  throw new ApiError(response.status, code, message);
}
