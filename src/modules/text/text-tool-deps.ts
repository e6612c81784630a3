import type { FetchPolicy } from '../../net/fetch-url.js';

/** What text tools need besides their input: the size limit and how to fetch a `url` input. */
export interface TextToolDeps {
  /** Largest text accepted, in UTF-8 bytes (TEXT_LIMIT). */
  textLimit: number;
  fetchPolicy: FetchPolicy;
}
