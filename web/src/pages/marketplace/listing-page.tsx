import { Link, useNavigate } from 'react-router';
import type { ListingDetail } from '../../api/marketplace-types';
import { Button } from '../../components/button';
import { ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { SelectField, TextArea } from '../../components/field';
import { Time } from '../../components/time';
import { installedPath, useListing, useMarketMutations, useReviews } from './marketplace-api';
import { Stars } from './stars';

/** The reviews, one per user; yours can be written, changed (the same form) or deleted. */
function Reviews({ listing }: { listing: ListingDetail }) {
  const reviews = useReviews(listing.id);
  const { review, deleteReview } = useMarketMutations();
  const mine = reviews.data?.items.find((item) => item.is_mine);
  return (
    <section aria-label="Reviews" className="mt-8">
      <h2 className="mb-2 text-lg font-semibold">Reviews</h2>
      {reviews.isPending ? (
        <Spinner label="Loading reviews" />
      ) : reviews.isError ? (
        <ErrorNotice error={reviews.error} />
      ) : reviews.data.items.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No reviews yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {reviews.data.items.map((item) => (
            <li key={item.author.name + item.created_at} className="py-2">
              <p className="flex flex-wrap gap-x-3">
                <Stars average={item.rating} count={1} />
                <span className="font-medium">{item.is_mine ? 'You' : item.author.name}</span>
                <Time value={item.updated_at} relativeToNow />
              </p>
              {item.text && <p className="mt-1 whitespace-pre-wrap">{item.text}</p>}
            </li>
          ))}
        </ul>
      )}
      {!listing.is_author && (
        <form
          key={mine?.updated_at ?? 'new'}
          aria-label="Your review"
          className="mt-4 flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            review.mutate({
              id: listing.id,
              rating: Number(data.get('rating')),
              text: String(data.get('text') ?? '').trim(),
            });
          }}
        >
          <h3 className="font-semibold">{mine ? 'Change your review' : 'Write a review'}</h3>
          <SelectField label="Rating" name="rating" defaultValue={String(mine?.rating ?? 5)}>
            {[5, 4, 3, 2, 1].map((stars) => (
              <option key={stars} value={stars}>
                {stars} {stars === 1 ? 'star' : 'stars'}
              </option>
            ))}
          </SelectField>
          <TextArea label="What you found (optional)" name="text" rows={3} defaultValue={mine?.text ?? ''} />
          <ErrorNotice error={review.error ?? deleteReview.error} />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={review.isPending}>
              {mine ? 'Save review' : 'Post review'}
            </Button>
            {mine && (
              <Button
                variant="danger"
                disabled={deleteReview.isPending}
                onClick={() => deleteReview.mutate(listing.id)}
              >
                Delete review
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

/** One listing: what it does, who made it, install (a copy of your own), its definition and reviews. */
export function ListingPage({ listingId }: { listingId: string }) {
  const listing = useListing(listingId);
  const { install, withdraw } = useMarketMutations();
  const navigate = useNavigate();
  if (listing.isPending) return <Spinner label="Loading the listing" />;
  if (listing.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <ErrorNotice error={listing.error} />
      </div>
    );
  const data = listing.data;
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/marketplace">Marketplace</Link> /
      </p>
      <PageHeader
        title={data.name}
        description={`${data.kind} by ${data.author.name} · version ${data.version} · ${data.install_count} installs`}
        actions={
          data.is_author ? (
            <Button
              variant="danger"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(data.id, { onSuccess: () => navigate('/marketplace') })}
            >
              Withdraw
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={install.isPending}
              onClick={() => install.mutate(data.id, { onSuccess: (made) => navigate(installedPath(made)) })}
            >
              Install a copy
            </Button>
          )
        }
      />
      <ErrorNotice error={install.error ?? withdraw.error} className="mb-4" />
      <p>{data.description}</p>
      <p className="mt-2">
        <Stars average={data.rating.average} count={data.rating.count} />
      </p>
      {data.capabilities.length > 0 && (
        <section aria-label="Capabilities" className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">What it can do</h2>
          <ul className="list-disc pl-5 text-sm">
            {data.capabilities.map((capability) => (
              <li key={capability.name}>
                <span className="font-medium">{capability.name}</span>: {capability.description}
              </li>
            ))}
          </ul>
        </section>
      )}
      <details className="mt-6">
        <summary className="cursor-pointer font-semibold">The definition</summary>
        <pre
          tabIndex={0}
          className="mt-2 overflow-x-auto rounded-md border border-neutral-200 p-3 text-xs dark:border-neutral-800"
        >
          {JSON.stringify(data.document, null, 2)}
        </pre>
      </details>
      <Reviews listing={data} />
    </div>
  );
}
