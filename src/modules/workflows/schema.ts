/** The module's wire schemas, one file per area (the web app imports them through here). */
export * from './definition.js';
export * from './schema/approvals.js';
export * from './schema/workflows.js';
export * from './schema/runs.js';
