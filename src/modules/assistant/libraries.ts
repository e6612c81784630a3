import type * as Chrono from 'chrono-node';
import type Compromise from 'compromise';

/** The libraries the offline assistant reads messages with. */
export interface Libraries {
  readonly chrono: typeof Chrono;
  readonly nlp: typeof Compromise;
  /** stopword's English list. */
  readonly stopWords: readonly string[];
}

let loaded: Libraries | undefined;
let loading: Promise<Libraries> | undefined;

/**
 * Loads the libraries once, on the assistant's first call: together they take about half a second
 * to import, which every server start and CLI command would otherwise pay.
 */
export function loadLibraries(): Promise<Libraries> {
  loading ??= Promise.all([import('chrono-node'), import('compromise'), import('stopword')]).then(
    ([chrono, compromise, stopword]) => {
      loaded = { chrono, nlp: compromise.default, stopWords: stopword.eng };
      return loaded;
    },
  );
  return loading;
}

/** The loaded libraries; `loadLibraries()` must have finished first. */
export function libraries(): Libraries {
  if (!loaded) throw new Error('The offline assistant used its libraries before loading them');
  return loaded;
}
