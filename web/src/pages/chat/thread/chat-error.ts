import { ApiError, errorMessage } from '../../../api/client';

/** A chat failure as a sentence: the server's refusal, a lost connection, or the stream's error. */
export function chatErrorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError && /fetch|network/i.test(error.message))
    return 'The server could not be reached. Check your connection and try again.';
  return errorMessage(error);
}
