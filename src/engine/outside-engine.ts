import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Runs a function in the empty async context captured when this module loaded, outside any DBOS
 * workflow or step. Bus subscribers inherit the publisher's context, and a publisher may be a DBOS
 * step (a workflow's tool publishing an event): a workflow started from there would be taken for
 * the step's child and never run. Starting deliveries and runs from here makes them top-level
 * workflows, with their fixed ids keeping them once-only.
 */
export const outsideEngine: <Result>(run: () => Result) => Result = AsyncLocalStorage.snapshot();
