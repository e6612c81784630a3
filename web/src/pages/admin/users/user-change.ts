import type { UpdateUserInput } from '@server/modules/identity/schema';
import type { User } from '../../../api/types';

/** A change an admin asked for, waiting for their confirmation. */
export interface UserChange {
  user: User;
  fields: Pick<UpdateUserInput, 'role' | 'active'>;
}

/** The words for confirming a change and for announcing it done; a change to yourself says what you lose. */
export function changeText({ user, fields }: UserChange, myId: string | undefined) {
  const who = user.name || user.email;
  const self = user.id === myId;
  if (fields.active === false)
    return {
      title: `Deactivate ${who}?`,
      body: self
        ? 'You will be signed out at once and unable to sign in until another admin reactivates you.'
        : `${who} is signed out everywhere at once and cannot sign in until reactivated. Their data is kept.`,
      confirm: 'Deactivate',
      danger: true,
      done: `${who} is deactivated.`,
    };
  if (fields.active === true)
    return {
      title: `Reactivate ${who}?`,
      body: `${who} can sign in again.`,
      confirm: 'Reactivate',
      danger: false,
      done: `${who} is reactivated.`,
    };
  if (fields.role === 'user')
    return {
      title: `Make ${who} a regular user?`,
      body: self
        ? 'You will lose access to this page and to every admin action.'
        : `${who} will no longer manage users, read the audit log or choose models.`,
      confirm: 'Remove admin role',
      danger: true,
      done: `${who} is now a regular user.`,
    };
  return {
    title: `Make ${who} an admin?`,
    body: `${who} will manage users, read the audit log and choose models, as you do.`,
    confirm: 'Make admin',
    danger: false,
    done: `${who} is now an admin.`,
  };
}
