import { TimeMatcher } from '@dbos-inc/dbos-sdk/internal/scheduler/crontab';
import type { WorkflowDefinition } from '../definition.js';

/**
 * When the definition's schedule triggers fire next after `now` (the earliest of them), computed
 * with the crontab matcher DBOS's scheduler fires them by; null without a schedule, or for one that
 * never fires (`0 0 31 2 *`).
 */
export function nextScheduledRun(definition: Pick<WorkflowDefinition, 'triggers'>, now: Date): Date | null {
  let next: Date | null = null;
  for (const trigger of definition.triggers ?? []) {
    if (trigger.kind !== 'schedule') continue;
    try {
      const matcher = new TimeMatcher(trigger.cron, trigger.time_zone);
      const at = matcher.nextWakeupTime(now);
      if (matcher.match(at) && (!next || at < next)) next = at;
    } catch {
      // A schedule saved before a check refused it (the definition is validated on save) fires never.
    }
  }
  return next;
}
