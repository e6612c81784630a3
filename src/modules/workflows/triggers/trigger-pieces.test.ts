import { describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '../../../bus/events.js';
import { workflowDefinitionSchema } from '../definition.js';
import { eventOwner, eventRun, eventTriggersOf, loopGuard } from './event-match.js';
import { scheduledRunId, scheduleName, wantedSchedules, workflowOfSchedule } from './schedule-names.js';
import { deliveryId, newWebhookSecret, signatureHolds, signBody } from './webhook-signature.js';

const definition = workflowDefinitionSchema.parse({
  name: 'review-intake',
  steps: [{ id: 'note', kind: 'tool', tool: 'add_task', input: { title: 'x' } }],
  triggers: [
    { kind: 'manual' },
    { kind: 'schedule', cron: '0 8 * * 1-5', time_zone: 'Europe/Paris' },
    {
      kind: 'event',
      event: 'task.created',
      filter: '"review" in event.data.tags',
      input: { task: '{{ event.data.task_id }}' },
    },
    { kind: 'schedule', cron: '*/5 * * * *' },
  ],
});

const event = (
  overrides: { type?: string; actor?: AnyBusEvent['actor']; data?: unknown } = {},
): AnyBusEvent =>
  ({
    id: 'evt1',
    type: 'task.created',
    actor: { userId: 'alice', via: 'http' },
    at: new Date('2026-12-06T08:00:00Z'),
    data: { task_id: 't1', owner_id: 'alice', title: 'Read', tags: ['review'] },
    ...overrides,
  }) as AnyBusEvent;

describe('schedule names', () => {
  it('names one DBOS schedule per schedule trigger, by its index among all triggers', () => {
    expect(wantedSchedules('wf1', definition)).toEqual([
      { name: 'wf:wf1:1', triggerIndex: 1, cron: '0 8 * * 1-5', timeZone: 'Europe/Paris' },
      { name: 'wf:wf1:3', triggerIndex: 3, cron: '*/5 * * * *', timeZone: 'UTC' },
    ]);
    expect(wantedSchedules('wf1', undefined)).toEqual([]);
  });

  it('reads the workflow back from a schedule name, and only from ours', () => {
    expect(workflowOfSchedule(scheduleName('01JABC', 2))).toBe('01JABC');
    expect(workflowOfSchedule('reports:nightly')).toBeUndefined();
  });

  it('names the run after the workflow, the trigger and the scheduled time, the same on every instance', () => {
    const at = new Date('2026-12-07T07:00:00Z');
    expect(scheduledRunId('wf1', 1, at)).toBe('sched:wf1:1:2026-12-07T07:00:00.000Z');
    expect(scheduledRunId('wf1', 1, new Date(at.getTime()))).toBe(scheduledRunId('wf1', 1, at));
  });
});

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = Buffer.from('{"order":42}');

  it('holds for the body signed with the secret, in either case of hex', () => {
    expect(signatureHolds(secret, body, signBody(secret, body))).toBe(true);
    expect(
      signatureHolds(secret, body, signBody(secret, body).toUpperCase().replace('SHA256', 'sha256')),
    ).toBe(true);
  });

  it('fails for another body, another secret, a missing or malformed header', () => {
    expect(signatureHolds(secret, Buffer.from('{"order":43}'), signBody(secret, body))).toBe(false);
    expect(signatureHolds(newWebhookSecret(), body, signBody(secret, body))).toBe(false);
    expect(signatureHolds(secret, body, undefined)).toBe(false);
    expect(signatureHolds(secret, body, 'sha256=')).toBe(false);
    expect(signatureHolds(secret, body, signBody(secret, body).replace('sha256=', ''))).toBe(false);
  });

  it('takes a delivery id that fits a run id, and nothing else', () => {
    expect(deliveryId(' d-1 ')).toBe('d-1');
    expect(deliveryId('with space')).toBeUndefined();
    expect(deliveryId('x'.repeat(201))).toBeUndefined();
    expect(deliveryId(undefined)).toBeUndefined();
  });
});

describe('event triggers', () => {
  const [entry] = eventTriggersOf('wf1', definition);

  it('matches the pattern, holds the filter over the event, and resolves the input', () => {
    expect(entry?.matches('task.created')).toBe(true);
    expect(entry?.matches('task.updated')).toBe(false);
    expect(entry && eventRun(entry, event())).toEqual({
      runId: 'event:wf1:evt1',
      input: { task: 't1' },
      trigger: { kind: 'event', event_id: 'evt1', event_type: 'task.created' },
    });
    expect(
      entry && eventRun(entry, event({ data: { task_id: 't2', owner_id: 'alice', title: 'x', tags: [] } })),
    ).toBeUndefined();
  });

  it('gives an event to the user who caused it, or to the owner the server’s own event names', () => {
    expect(eventOwner(event())).toBe('alice');
    expect(eventOwner(event({ actor: { userId: null, via: 'system' }, data: { owner_id: 'bob' } }))).toBe(
      'bob',
    );
    expect(eventOwner(event({ actor: { userId: null, via: 'system' }, data: {} }))).toBeUndefined();
  });

  it('lets no run’s own effects start runs, nor a workflow’s events start that workflow or go two deep', () => {
    expect(loopGuard(event(), undefined)).toEqual({ allowed: true, excludes: null });
    expect(loopGuard(event({ actor: { userId: 'alice', via: 'workflow' } }), undefined)).toEqual({
      allowed: false,
    });
    const completed = event({ type: 'workflow.run.completed', actor: { userId: 'alice', via: 'workflow' } });
    const manual = { workflowId: 'wfA', trigger: { kind: 'manual' as const, surface: 'http' } };
    expect(loopGuard(completed, manual)).toEqual({ allowed: true, excludes: 'wfA' });
    const fromWorkflowEvent = {
      workflowId: 'wfB',
      trigger: { kind: 'event' as const, event_id: 'e0', event_type: 'workflow.run.completed' },
    };
    expect(loopGuard(completed, fromWorkflowEvent)).toEqual({ allowed: false });
    const fromTaskEvent = {
      workflowId: 'wfB',
      trigger: { kind: 'event' as const, event_id: 'e0', event_type: 'task.created' },
    };
    expect(loopGuard(completed, fromTaskEvent)).toEqual({ allowed: true, excludes: 'wfB' });
  });
});
