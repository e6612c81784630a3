/** What one simulated user did during the soak: requests sent, and those that failed. */
export interface Tally {
  requests: number;
  errors: number;
  /** The first failure, to print: a soak that fails quietly measures nothing. */
  firstError?: string;
}

export function newTally(): Tally {
  return { requests: 0, errors: 0 };
}

/** Runs one request, counting it, and its failure without stopping the soak. */
export async function counted<T>(tally: Tally, request: () => Promise<T>): Promise<T | undefined> {
  tally.requests += 1;
  try {
    return await request();
  } catch (error) {
    tally.errors += 1;
    tally.firstError ??= error instanceof Error ? error.message : String(error);
    return undefined;
  }
}

/** Fails unless the response is `status`; answers its JSON body (undefined for 204). */
export async function expectStatus<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`${response.url} answered ${response.status}, not ${status}: ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
