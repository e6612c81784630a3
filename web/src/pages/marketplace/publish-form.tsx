import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ListingKind } from '../../api/marketplace-types';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { SelectField } from '../../components/field';
import { useMarketMutations } from './marketplace-api';

const sources: Record<ListingKind, string> = {
  agent: '/api/v1/agents',
  team: '/api/v1/teams',
  workflow: '/api/v1/workflows',
};

/** Publish one of your agents, teams or workflows: chosen from yours, listed for every user of the instance. */
export function PublishForm() {
  const [kind, setKind] = useState<ListingKind>('agent');
  const yours = useQuery({
    queryKey: ['marketplace', 'yours', kind],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string; is_owner?: boolean; builtin?: boolean }[] }>(sources[kind], {
        query: { limit: 100, ...(kind === 'agent' ? { mine: true } : {}) },
        signal,
      }).then((page) => page.items.filter((item) => item.is_owner !== false && item.builtin !== true)),
  });
  const { publish } = useMarketMutations();
  const navigate = useNavigate();
  return (
    <form
      aria-label="Publish"
      className="mt-8 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const source = new FormData(event.currentTarget).get('source');
        if (typeof source === 'string' && source)
          publish.mutate(
            { kind, source_id: source },
            { onSuccess: (listing) => navigate(`/marketplace/${listing.id}`) },
          );
      }}
    >
      <h2 className="w-full text-lg font-semibold">Publish one of yours</h2>
      <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as ListingKind)}>
        <option value="agent">Agent</option>
        <option value="team">Team</option>
        <option value="workflow">Workflow</option>
      </SelectField>
      <SelectField label="Which" name="source" disabled={!yours.data?.length}>
        {yours.data?.length ? (
          yours.data.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))
        ) : (
          <option value="">{yours.isPending ? 'Loading…' : `You have no ${kind} to publish`}</option>
        )}
      </SelectField>
      <Button type="submit" variant="primary" disabled={publish.isPending || !yours.data?.length}>
        Publish
      </Button>
      <ErrorNotice error={publish.error ?? yours.error} className="w-full" />
    </form>
  );
}
