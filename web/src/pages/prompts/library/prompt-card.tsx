import { Link } from 'react-router';
import type { Prompt } from '../prompt-api';

const badge = 'rounded px-1.5 py-0.5 text-xs font-medium';

/** One prompt in the library: name, description, tags, whose it is and its version. */
export function PromptCard({ prompt }: { prompt: Prompt }) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link to={`/prompts/${prompt.id}`} className="font-medium">
          {prompt.title ?? prompt.name}
        </Link>
        <span className="text-xs text-neutral-600 dark:text-neutral-400">v{prompt.version}</span>
      </div>
      {prompt.title && (
        <p className="-mt-1 font-mono text-xs text-neutral-600 dark:text-neutral-400">{prompt.name}</p>
      )}
      {prompt.description && (
        <p className="line-clamp-2 text-sm text-neutral-700 dark:text-neutral-300">{prompt.description}</p>
      )}
      <div className="flex flex-wrap items-center gap-1.5">
        <OwnerBadge prompt={prompt} />
        {prompt.tags.map((tag) => (
          <span
            key={tag}
            className={`${badge} bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300`}
          >
            #{tag}
          </span>
        ))}
      </div>
    </li>
  );
}

/** Whether the prompt is the user's own (private or shared) or someone else's shared one, read-only. */
export function OwnerBadge({ prompt }: { prompt: Prompt }) {
  if (!prompt.mine)
    return (
      <span className={`${badge} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>
        Shared with you · read-only
      </span>
    );
  return prompt.visibility === 'shared' ? (
    <span className={`${badge} bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200`}>
      Yours · shared
    </span>
  ) : (
    <span className={`${badge} bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300`}>
      Yours · private
    </span>
  );
}
