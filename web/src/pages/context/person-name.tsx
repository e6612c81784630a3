import { useCurrentUser } from '../../session';
import { usePeople } from './context-api';

/**
 * A user of the space by name ("Ada Admin (you)"), their email on hover; a user the space no
 * longer knows (an account since removed) is "a former user". No id is shown.
 */
export function PersonName({ spaceId, userId }: { spaceId: string; userId: string | null }) {
  const label = usePersonLabel(spaceId);
  const person = label(userId);
  return (
    <span className="font-medium" title={person.email}>
      {person.name}
    </span>
  );
}

/** How the space's people are named on its page: by name, "(you)" for the reader, email aside. */
export function usePersonLabel(spaceId: string) {
  const people = usePeople(spaceId);
  const me = useCurrentUser();
  return (userId: string | null): { name: string; email?: string } => {
    if (userId === null) return { name: 'the server' };
    const person = people.data?.find((candidate) => candidate.user_id === userId);
    if (!person) return { name: people.isPending ? '…' : 'a former user' };
    return { name: userId === me.data?.id ? `${person.name} (you)` : person.name, email: person.email };
  };
}
