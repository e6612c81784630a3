import { useState } from 'react';
import type { CreatedSubscription, CreateSubscriptionInput, SubscriptionView } from '../../api/event-types';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { SelectField, TextArea, TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { useEventMutations, useSubscriptions } from './events-api';
import { useFeature } from '../../api/features';

type TargetKind = CreateSubscriptionInput['target']['kind'];

/** Where a subscription sends its events, in words. */
export function targetText(target: SubscriptionView['target']): string {
  switch (target.kind) {
    case 'webhook':
      return `webhook ${target.url}`;
    case 'workflow':
      return `workflow ${target.workflow_id}`;
    case 'agent':
      return `agent ${target.agent_id}`;
  }
}

/** The form's fields as a subscription, or the first problem in words. */
function readForm(data: FormData): CreateSubscriptionInput | string {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const kind = text('kind') as TargetKind;
  const where = text('where');
  let conditions: CreateSubscriptionInput['conditions'] = [];
  if (text('conditions')) {
    try {
      conditions = JSON.parse(text('conditions')) as CreateSubscriptionInput['conditions'];
    } catch {
      return 'The conditions are not JSON: write a list like [{"path": "total", "op": "gt", "value": 100}].';
    }
  }
  const target =
    kind === 'webhook'
      ? { kind, url: where }
      : kind === 'workflow'
        ? { kind, workflow_id: where }
        : { kind, agent_id: where };
  return { name: text('name'), pattern: text('pattern'), conditions, target };
}

/** Your subscriptions: what they listen for and where it goes; a new one (a webhook's secret is shown once). */
export function SubscriptionsSection() {
  const subscriptions = useSubscriptions();
  const { subscribe, setEnabled, unsubscribe, test } = useEventMutations();
  const [created, setCreated] = useState<CreatedSubscription | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const webhooks = useFeature('outbound_webhooks');
  const [chosenKind, setKind] = useState<TargetKind>('webhook');
  // With outbound webhooks switched off, the form offers only the other targets.
  const kind = !webhooks && chosenKind === 'webhook' ? 'workflow' : chosenKind;
  return (
    <>
      <SectionHeading
        title="Subscriptions"
        description="Events matching a pattern and conditions start a workflow, reach an agent, or are sent to a webhook."
      />
      {subscriptions.isPending ? (
        <Spinner label="Loading subscriptions" />
      ) : subscriptions.isError ? (
        <ErrorNotice error={subscriptions.error} />
      ) : subscriptions.data.items.length === 0 ? (
        <EmptyState title="No subscriptions yet">Add one below.</EmptyState>
      ) : (
        <ul
          aria-label="Subscriptions"
          className="mb-6 divide-y divide-neutral-200 text-sm dark:divide-neutral-800"
        >
          {subscriptions.data.items.map((subscription) => (
            <li key={subscription.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <span className="min-w-48 flex-1">
                <span className="font-medium">{subscription.name}</span>{' '}
                <code className="text-xs">{subscription.pattern}</code>
                {subscription.conditions.length > 0 &&
                  ` · ${subscription.conditions.length} conditions`} → {targetText(subscription.target)}
              </span>
              <Button size="sm" disabled={test.isPending} onClick={() => test.mutate(subscription.id)}>
                Test delivery
              </Button>
              <Button
                size="sm"
                disabled={setEnabled.isPending}
                onClick={() => setEnabled.mutate({ id: subscription.id, enabled: !subscription.enabled })}
              >
                {subscription.enabled ? 'Pause' : 'Resume'}
              </Button>
              <Button
                size="sm"
                variant="danger"
                disabled={unsubscribe.isPending}
                onClick={() => unsubscribe.mutate(subscription.id)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={setEnabled.error ?? unsubscribe.error ?? test.error} className="mb-4" />
      {test.isSuccess && (
        <p role="status" className="mb-4 text-sm">
          A custom.test event is on its way: see it under Deliveries.
        </p>
      )}
      {created?.secret && (
        <div
          role="status"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="mb-1 font-medium">The signing secret of “{created.name}”, shown this once:</p>
          <code className="break-all">{created.secret}</code>{' '}
          <CopyButton text={created.secret} label="Copy the secret" />
        </div>
      )}
      <form
        aria-label="New subscription"
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const input = readForm(new FormData(form));
          if (typeof input === 'string') return setFormError(input);
          setFormError(undefined);
          subscribe.mutate(input, {
            onSuccess: (subscription) => {
              setCreated(subscription);
              form.reset();
            },
          });
        }}
      >
        <h3 className="font-semibold">New subscription</h3>
        <TextField label="Name" name="name" required />
        <TextField
          label="Event types"
          name="pattern"
          required
          placeholder="custom.order.*"
          hint="* stands for any word."
        />
        <TextArea
          label="Conditions on the payload"
          name="conditions"
          rows={2}
          className="font-mono text-sm"
          placeholder='[{"path": "total", "op": "gt", "value": 100}]'
          hint="Optional: all must hold. op is eq, ne, in, contains, exists, gt or lt."
          error={formError}
        />
        <SelectField
          label="Send to"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as TargetKind)}
        >
          {webhooks && <option value="webhook">A webhook</option>}
          <option value="workflow">A workflow</option>
          <option value="agent">An agent</option>
        </SelectField>
        <TextField
          label={kind === 'webhook' ? 'URL' : kind === 'workflow' ? 'Workflow id' : 'Agent id'}
          name="where"
          required
          type={kind === 'webhook' ? 'url' : 'text'}
        />
        <ErrorNotice error={subscribe.error} />
        <div>
          <Button type="submit" variant="primary" disabled={subscribe.isPending}>
            Subscribe
          </Button>
        </div>
      </form>
    </>
  );
}
