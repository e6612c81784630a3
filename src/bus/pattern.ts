import { InvalidInputError } from '../errors.js';

/**
 * Event type patterns: dot-separated segments where `*` stands for one segment, and a final `*`
 * for one or more (`task.*` matches `task.created`; `workflow.*` matches `workflow.step.completed`;
 * `*` matches everything; `workflow.*.completed` matches `workflow.step.completed`).
 */
export type EventPattern = string;

const segment = /^[a-z0-9_-]+$/;

/** Turns a pattern into an anchored regular expression source, valid in JavaScript and in Postgres `~`. */
export function patternToRegex(pattern: EventPattern): string {
  const parts = pattern.split('.');
  if (!parts.every((part) => part === '*' || segment.test(part))) {
    throw new InvalidInputError(
      `"${pattern}" is not an event pattern: use dot-separated lowercase words, with * for any word (e.g. task.*)`,
      { field: 'type' },
    );
  }
  const body = parts.map((part, index) => {
    if (part !== '*') return part;
    return index === parts.length - 1 ? '.+' : '[^.]+';
  });
  return `^${body.join('\\.')}$`;
}

/** A test for one pattern, compiled once. */
export function compilePattern(pattern: EventPattern): (type: string) => boolean {
  const regex = new RegExp(patternToRegex(pattern));
  return (type) => regex.test(type);
}
