import { Button } from '../../../components/button';
import { Time } from '../../../components/time';
import { type ApiKey, isExpired } from './api-keys';

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** One API key: its name and prefix, scopes, dates, and Revoke while it is live. */
export function ApiKeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const expired = isExpired(apiKey);
  const live = !apiKey.revoked_at && !expired;
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{apiKey.name}</span>
          <code className="text-xs text-neutral-600 dark:text-neutral-400">{apiKey.prefix}…</code>
          {apiKey.revoked_at && (
            <span
              className={`${badge} bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200`}
            >
              Revoked
            </span>
          )}
          {expired && !apiKey.revoked_at && (
            <span className={`${badge} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>
              Expired
            </span>
          )}
        </p>
        <p className="mt-1 flex flex-wrap gap-1" aria-label="Scopes">
          {apiKey.scopes.map((scope) => (
            <code
              key={scope}
              className={`${badge} bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-200`}
            >
              {scope}
            </code>
          ))}
        </p>
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          Created <Time value={apiKey.created_at} /> · last used{' '}
          <Time value={apiKey.last_used_at} relativeToNow fallback="never" /> ·{' '}
          {apiKey.expires_at ? (
            <>
              {expired ? 'expired' : 'expires'} <Time value={apiKey.expires_at} />
            </>
          ) : (
            'never expires'
          )}
        </p>
      </div>
      {live && (
        <Button size="sm" variant="secondary" onClick={onRevoke} aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      )}
    </li>
  );
}
