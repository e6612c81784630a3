import { useParams } from 'react-router';
import { ListingList } from './listing-list';
import { ListingPage } from './listing-page';

/** The marketplace: listings at /marketplace, one listing at /marketplace/:listingId. */
export function Component() {
  const { listingId } = useParams();
  if (!listingId) return <ListingList />;
  return <ListingPage key={listingId} listingId={listingId} />;
}
