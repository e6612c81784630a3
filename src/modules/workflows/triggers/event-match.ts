import type { AnyBusEvent } from '../../../bus/events.js';
import { compilePattern } from '../../../bus/pattern.js';
import type { WorkflowDefinition } from '../definition.js';
import { holds, resolveTemplates } from '../expressions.js';
import type { RunTrigger } from '../table.js';

/** One `event` trigger of one workflow, ready to test events against. */
export interface EventTriggerEntry {
  workflowId: string;
  triggerIndex: number;
  matches: (type: string) => boolean;
  filter: string | undefined;
  input: Record<string, unknown>;
}

/** The `event` triggers of a workflow's current definition (a pattern the bus refuses is skipped). */
export function eventTriggersOf(workflowId: string, definition: WorkflowDefinition): EventTriggerEntry[] {
  return definition.triggers.flatMap((trigger, triggerIndex) => {
    if (trigger.kind !== 'event') return [];
    try {
      const matches = compilePattern(trigger.event);
      return [{ workflowId, triggerIndex, matches, filter: trigger.filter, input: trigger.input }];
    } catch {
      return [];
    }
  });
}

/**
 * The user an event belongs to: who caused it, or, for the server's own events about a user's
 * things (no user caused them), the owner they name. The same rule as the user's event feed.
 */
export function eventOwner(event: AnyBusEvent): string | undefined {
  if (event.actor.userId) return event.actor.userId;
  const owner = (event.data as { owner_id?: unknown }).owner_id;
  return typeof owner === 'string' ? owner : undefined;
}

/** The event as filters and input templates see it: `event.type`, `event.data`, `event.at` (ISO) … */
export function eventScope(event: AnyBusEvent): { event: Record<string, unknown> } {
  return {
    event: {
      id: event.id,
      type: event.type,
      at: event.at.toISOString(),
      actor: { user_id: event.actor.userId, via: event.actor.via },
      data: event.data,
    },
  };
}

/** The run an event-triggered workflow starts: its id (one per workflow and event), input and trigger. */
export function eventRun(entry: EventTriggerEntry, event: AnyBusEvent) {
  const scope = eventScope(event);
  if (entry.filter !== undefined && !holds(entry.filter, scope)) return undefined;
  const trigger: RunTrigger = { kind: 'event', event_id: event.id, event_type: event.type };
  return {
    runId: `event:${entry.workflowId}:${event.id}`,
    input: resolveTemplates(entry.input, scope) as Record<string, unknown>,
    trigger,
  };
}

/** Where a workflow.* event came from: the root run of the run it names (a child run's parent's parent …). */
export interface EventOrigin {
  workflowId: string | null;
  trigger: RunTrigger;
}

/**
 * Whether an event may start runs at all, and which workflows it may not start, so that no
 * workflow feeds itself or another in a loop:
 * - what a run's steps do (their tools act with `via: 'workflow'`) starts nothing: a workflow that
 *   adds a task on task.created would otherwise run forever; chain workflows with a `workflow` step;
 * - a workflow.* event of a run never starts that run's own workflow;
 * - a workflow.* event of a run that a workflow.* event started starts nothing (a depth limit of
 *   one: "when A completes, run B" works; B's end starts nothing more).
 */
export function loopGuard(
  event: AnyBusEvent,
  origin: EventOrigin | undefined,
): { allowed: false } | { allowed: true; excludes: string | null } {
  const fromWorkflowEvents = event.type.startsWith('workflow.');
  if (!fromWorkflowEvents)
    return event.actor.via === 'workflow' ? { allowed: false } : { allowed: true, excludes: null };
  if (!origin) return { allowed: true, excludes: null };
  if (origin.trigger.kind === 'event' && origin.trigger.event_type.startsWith('workflow.'))
    return { allowed: false };
  return { allowed: true, excludes: origin.workflowId };
}
