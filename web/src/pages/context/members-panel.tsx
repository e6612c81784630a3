import type { ContextSpace, MemberRole } from '../../api/context-types';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { canAdmin, useContextMutations, useMembers } from './context-api';
import { PersonName } from './person-name';

const roles: MemberRole[] = ['read', 'write', 'admin'];

/** Who else reads or writes the space; its admins add people by email and remove them. */
export function MembersPanel({ space }: { space: ContextSpace }) {
  const members = useMembers(space.id);
  const { addMember, removeMember } = useContextMutations(space.id);
  const admin = canAdmin(space.role);
  return (
    <section aria-label="Members" className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">Members</h2>
      <p className="text-sm">
        Owner: <PersonName spaceId={space.id} userId={space.owner_id} />
      </p>
      {members.isPending ? (
        <Spinner label="Loading members" />
      ) : members.isError ? (
        <ErrorNotice error={members.error} />
      ) : members.data.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No one else yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {members.data.map((member) => (
            <li key={`${member.member_kind}:${member.member_id}`} className="flex items-center gap-2 py-2">
              <span className="flex-1">
                {member.member_kind === 'user' ? (
                  <PersonName spaceId={space.id} userId={member.member_id} />
                ) : (
                  `${member.member_kind} ${member.member_id}`
                )}
              </span>
              <span>{member.role}</span>
              {admin && (
                <Button
                  size="sm"
                  disabled={removeMember.isPending}
                  onClick={() => removeMember.mutate(member.member_id)}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <form
          aria-label="Add a member"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            const email = String(data.get('email') ?? '').trim();
            const role = String(data.get('role')) as MemberRole;
            if (email) addMember.mutate({ email, role }, { onSuccess: () => form.reset() });
          }}
        >
          <TextField label="Email" name="email" type="email" required />
          <SelectField label="Role" name="role" defaultValue="write">
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={addMember.isPending}>
            Add
          </Button>
        </form>
      )}
      <ErrorNotice error={addMember.error ?? removeMember.error} />
    </section>
  );
}
