import type { DocumentToolName } from '../resources/index.js';
import type { TaskToolName } from '../tasks/index.js';
import type { TextToolName } from '../text/index.js';
import type { WorkflowToolName } from '../workflows/index.js';
import type { MemoryToolName } from '../memory/index.js';

/** A tool the assistant calls by name: a task, document, text, workflow or memory tool, as those modules name them. */
export type ToolName = TaskToolName | DocumentToolName | TextToolName | WorkflowToolName | MemoryToolName;
