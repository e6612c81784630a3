import { validateCrontab, validateTimezone } from '@dbos-inc/dbos-sdk/internal/scheduler/crontab';
import type { WorkflowDefinition } from '../../definition.js';
import { RunInputInvalidError, WorkflowInvalidError } from '../../errors.js';
import { templateExpressions } from '../../expressions.js';
import { checkRunInput } from '../runs/input-check.js';

/**
 * Refuses a schedule the scheduler would refuse — DBOS's own checks, the rules it fires by — and a
 * schedule's input that the workflow's input_schema refuses (every firing would fail), checked by
 * the same checker the runs use (checkRunInput, Ajv), so saving and firing agree.
 */
export function checkSchedules(definition: WorkflowDefinition): void {
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
    if (templateExpressions(trigger.input).length > 0) return;
    const refusal = inputRefusal(definition.input_schema, trigger.input);
    if (!refusal) return;
    const at = `${field}.${refusal.field}`;
    throw new WorkflowInvalidError(`${at}: ${refusal.message} (the workflow's input_schema)`, at);
  });
}

/** What checkRunInput says of the input (`field` from `input`), or undefined when it passes or the schema is unusable (said on its own). */
function inputRefusal(
  schema: Record<string, unknown>,
  input: Record<string, unknown>,
): { field: string; message: string } | undefined {
  try {
    checkRunInput(schema, input);
    return undefined;
  } catch (error) {
    if (!(error instanceof RunInputInvalidError) || !error.field) throw error;
    if (error.message.startsWith("The workflow's input_schema")) return undefined;
    return { field: error.field, message: error.message };
  }
}
