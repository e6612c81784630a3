/** What the process exit status means, for scripts and service managers. */
export const exitCodes = {
  ok: 0,
  /** The command ran and failed: the database is unreachable or held by another process, … */
  failed: 1,
  /** The command line or the configuration is wrong; nothing was started. */
  usage: 2,
} as const;
