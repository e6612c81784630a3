import { useParams } from 'react-router';
import { SpaceList } from './space-list';
import { SpacePage } from './space-page';

/** Shared context: the spaces at /context, one space's entries at /context/:spaceId. */
export function Component() {
  const { spaceId } = useParams();
  if (!spaceId) return <SpaceList />;
  return <SpacePage key={spaceId} spaceId={spaceId} />;
}
