import type { ToolInfo } from './tool-api';
import { ToolForm } from './tool-form';

const badge = 'rounded px-1.5 py-0.5 text-xs font-medium';

/** One tool: what it is, its generated form and, once run, its result. */
export function ToolDetail({ tool }: { tool: ToolInfo }) {
  return (
    <article aria-labelledby="tool-title" className="mx-auto max-w-3xl">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">{tool.toolset}</p>
      <h2 id="tool-title" className="text-2xl font-semibold">
        {tool.title}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="text-sm text-neutral-700 dark:text-neutral-300">{tool.name}</code>
        {tool.annotations.read_only_hint && (
          <span className={`${badge} bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200`}>
            Read-only
          </span>
        )}
        {tool.annotations.destructive_hint && (
          <span className={`${badge} bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200`}>
            Destructive
          </span>
        )}
      </div>
      <p className="mt-3 text-sm text-neutral-700 dark:text-neutral-300">{tool.description}</p>
      <ToolForm tool={tool} />
    </article>
  );
}
