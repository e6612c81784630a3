import type { User } from '../../../api/types';
import { Button } from '../../../components/button';
import { Time } from '../../../components/time';
import type { UserChange } from './user-change';

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** One account: who, role, whether active, when they last signed in; buttons to change role or deactivate. */
export function UserRow({
  user,
  isMe,
  onChange,
}: {
  user: User;
  isMe: boolean;
  onChange: (fields: UserChange['fields']) => void;
}) {
  const who = user.name || user.email;
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{user.name}</span>
          {isMe && <span className="text-neutral-600 dark:text-neutral-400">(you)</span>}
          {user.role === 'admin' && (
            <span className={`${badge} bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-200`}>
              Admin
            </span>
          )}
          {!user.active && (
            <span
              className={`${badge} bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200`}
            >
              Deactivated
            </span>
          )}
        </p>
        <p className="break-all text-neutral-700 dark:text-neutral-300">{user.email}</p>
        <p className="text-neutral-600 dark:text-neutral-400">
          Last signed in <Time value={user.last_sign_in_at} relativeToNow fallback="never" /> · joined{' '}
          <Time value={user.created_at} />
        </p>
      </div>
      <div className="flex flex-wrap gap-1">
        <Button
          size="sm"
          variant="ghost"
          aria-label={user.role === 'admin' ? `Remove admin role from ${who}` : `Make ${who} an admin`}
          onClick={() => onChange({ role: user.role === 'admin' ? 'user' : 'admin' })}
        >
          {user.role === 'admin' ? 'Remove admin' : 'Make admin'}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={user.active ? `Deactivate ${who}` : `Reactivate ${who}`}
          onClick={() => onChange({ active: !user.active })}
        >
          {user.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      </div>
    </li>
  );
}
