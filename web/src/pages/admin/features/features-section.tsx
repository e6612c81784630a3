import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { type FeatureFlags, type FeatureName, featuresKey, useFeatures } from '../../../api/features';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { useToast } from '../../../components/toast';

/** Each feature in words, in the order the section lists them. */
export const featureLabels: Record<FeatureName, { label: string; about: string }> = {
  sign_up: { label: 'Sign-up', about: 'People create their own accounts (as the sign-up policy allows).' },
  external_mcp_servers: {
    label: 'External MCP servers',
    about: 'People connect their own MCP servers; the chat, agents and workflows use their tools.',
  },
  url_documents: { label: 'Web pages as documents', about: 'Documents fetched from a URL, and refreshed.' },
  marketplace_publishing: {
    label: 'Marketplace publishing',
    about: 'People publish agents, teams and workflows for everyone; installing stays possible.',
  },
  a2a: { label: 'A2A', about: 'Agents answer over A2A, and people add external A2A agents as tools.' },
  outbound_webhooks: {
    label: 'Outbound webhooks',
    about: 'Event subscriptions post to web addresses outside the instance.',
  },
};

/** Switches features on or off for every instance; each change is in the audit log. */
export function FeaturesSection() {
  const features = useFeatures();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: (change: Partial<FeatureFlags>) =>
      api<FeatureFlags>('/api/v1/admin/features', { method: 'PUT', body: change }),
    onSuccess: (saved) => {
      queryClient.setQueryData(featuresKey, saved);
      toast({ message: 'The features are saved.' });
    },
  });
  return (
    <section>
      <SectionHeading
        title="Features"
        description="What people on this instance may use. A feature switched off disappears from the app and every API answers FEATURE_DISABLED."
      />
      <ErrorNotice error={features.error ?? save.error} />
      {features.isPending && <Spinner label="Loading features" />}
      {features.data && (
        <ul className="flex flex-col gap-3">
          {(Object.keys(featureLabels) as FeatureName[]).map((name) => (
            <li key={name}>
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={features.data[name]}
                  disabled={save.isPending}
                  onChange={(event) => save.mutate({ [name]: event.target.checked })}
                />
                <span>
                  <span className="font-medium">{featureLabels[name].label}</span>
                  <span className="block text-sm text-neutral-600 dark:text-neutral-400">
                    {featureLabels[name].about}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
