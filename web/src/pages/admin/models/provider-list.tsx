import type { ProviderStatus } from './models';

const states = {
  ready: ['Ready', 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200'],
  not_configured: ['Not configured', 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'],
  unreachable: ['Unreachable', 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'],
} as const;

/** Each provider the allowed models use: ready, not configured (and what to set), or unreachable (and why). */
export function ProviderList({ providers }: { providers: ProviderStatus[] }) {
  return (
    <ul aria-label="Providers" className="flex flex-col gap-2">
      {providers.map((provider) => {
        const [label, tone] = states[provider.state];
        return (
          <li
            key={provider.provider}
            className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800"
          >
            <p className="flex items-center gap-2">
              <span className="font-medium">{provider.provider}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>
            </p>
            {provider.message && (
              <p className="mt-1 text-neutral-700 dark:text-neutral-300">{provider.message}</p>
            )}
            {provider.installed_models && (
              <p className="mt-1 text-neutral-600 dark:text-neutral-400">
                Installed: {provider.installed_models.length ? provider.installed_models.join(', ') : 'none'}
                {provider.loaded_models && provider.loaded_models.length > 0 && (
                  <> · loaded now: {provider.loaded_models.join(', ')}</>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
