import { Link } from 'react-router';
import type { ListingKind } from '../../api/marketplace-types';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { SelectField } from '../../components/field';
import { SearchForm } from '../../components/search-form';
import { useUrlParams } from '../../components/url-params';
import { useListings } from './marketplace-api';
import { PublishForm } from './publish-form';
import { Stars } from './stars';
import { YourInstalls } from './your-installs';
import { useFeature } from '../../api/features';

const kinds: Record<'' | ListingKind, string> = {
  '': 'Everything',
  agent: 'Agents',
  team: 'Teams',
  workflow: 'Workflows',
};
const isKind = (value: string | null): value is '' | ListingKind => value !== null && value in kinds;

/** What the instance's users published: searched and filtered from the URL; your installs and publishing. */
export function ListingList() {
  const url = useUrlParams();
  const q = url.get('q');
  const kindParam = url.get('kind');
  const kind = isKind(kindParam) ? kindParam : '';
  const listings = useListings(q, kind);
  const publishing = useFeature('marketplace_publishing');
  const items = listings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Marketplace"
        description="Agents, teams and workflows the people of this instance published. Install a copy to use and change."
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <SearchForm
          label="Search the marketplace"
          value={q}
          placeholder="Words, then Enter"
          onSearch={(words) => url.set('q', words)}
        />
        <SelectField label="Show" value={kind} onChange={(event) => url.set('kind', event.target.value)}>
          {Object.entries(kinds).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {listings.isPending ? (
        <Spinner label="Loading the marketplace" />
      ) : listings.isError ? (
        <ErrorNotice error={listings.error} />
      ) : items.length === 0 ? (
        <EmptyState title={q || kind ? 'Nothing matches' : 'Nothing published yet'}>
          {q || kind ? 'Try other words.' : 'Publish one of your agents or workflows below.'}
        </EmptyState>
      ) : (
        <ul aria-label="Listings" className="grid gap-3 sm:grid-cols-2">
          {items.map((listing) => (
            <li
              key={listing.id}
              className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
            >
              <Link to={`/marketplace/${listing.id}`} className="font-medium">
                {listing.name}
              </Link>
              <span className="ml-2 text-xs text-neutral-600 dark:text-neutral-400">{listing.kind}</span>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">{listing.description}</p>
              <p className="mt-2 flex flex-wrap gap-x-3 text-sm">
                <Stars average={listing.rating.average} count={listing.rating.count} />
                <span>{listing.install_count} installs</span>
                <span>by {listing.author.name}</span>
                <span>v{listing.version}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {listings.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void listings.fetchNextPage()} disabled={listings.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      <YourInstalls />
      {publishing && <PublishForm />}
    </div>
  );
}
