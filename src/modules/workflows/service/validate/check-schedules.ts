import { validateCrontab, validateTimezone } from '@dbos-inc/dbos-sdk/internal/scheduler/crontab';
import type { WorkflowDefinition } from '../../definition.js';
import { WorkflowInvalidError } from '../../errors.js';
import { templateExpressions } from '../../expressions.js';
import { fieldUnder } from './field-path.js';
import { jsonSchemaAsZod } from './json-schema.js';

/**
 * Refuses a schedule the scheduler would refuse — DBOS's own checks, the rules it fires by — and a
 * schedule's input that the workflow's input_schema refuses (every firing would fail).
 */
export function checkSchedules(definition: WorkflowDefinition): void {
  const inputSchema = jsonSchemaAsZod(definition.input_schema);
  definition.triggers.forEach((trigger, index) => {
    if (trigger.kind !== 'schedule') return;
    const field = `triggers[${index}]`;
    try {
      validateCrontab(trigger.cron);
    } catch (error) {
      throw new WorkflowInvalidError(
        `${field}.cron: "${trigger.cron}" is not a valid schedule: ${(error as Error).message}`,
        `${field}.cron`,
      );
    }
    try {
      validateTimezone(trigger.time_zone);
    } catch {
      throw new WorkflowInvalidError(
        `${field}.time_zone: "${trigger.time_zone}" is not an IANA time zone (such as Europe/Paris)`,
        `${field}.time_zone`,
      );
    }
    if (!inputSchema || templateExpressions(trigger.input).length > 0) return;
    const parsed = inputSchema.safeParse(trigger.input);
    if (parsed.success) return;
    const [issue] = parsed.error.issues;
    const at = fieldUnder(`${field}.input`, issue?.path ?? []);
    throw new WorkflowInvalidError(
      `${at}: ${issue?.message ?? 'is not valid'} (the workflow's input_schema)`,
      at,
    );
  });
}
