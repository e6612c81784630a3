import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { Icon } from '../../layout/icons';
import { listTools, toolsKey } from './tool-api';
import { ToolDetail } from './tool-detail';
import { ToolList } from './tool-list';

/** Tools: every tool grouped by toolset beside the chosen one's generated form and its result. */
export function Component() {
  const { toolName } = useParams();
  const tools = useQuery({ queryKey: toolsKey, queryFn: ({ signal }) => listTools(signal) });
  const tool = tools.data?.items.find((item) => item.name === toolName);

  return (
    <div className="flex min-h-full flex-col md:flex-row">
      <aside
        aria-label="Tools"
        className={`${toolName ? 'hidden md:block' : ''} shrink-0 border-neutral-200 p-4 md:sticky md:top-0 md:max-h-dvh md:w-72 md:self-start md:overflow-y-auto md:border-r dark:border-neutral-800`}
      >
        <h1 className="mb-3 px-3 text-2xl font-semibold">Tools</h1>
        {tools.isPending && <Spinner label="Loading tools" />}
        <ErrorNotice error={tools.error} />
        {tools.data && <ToolList tools={tools.data.items} />}
      </aside>
      <div className="min-w-0 flex-1 p-4 sm:p-6">
        {toolName && (
          <Link to="/tools" className="mb-3 inline-flex items-center gap-1 text-sm md:hidden">
            <Icon name="chevronLeft" className="size-4" />
            All tools
          </Link>
        )}
        {tool ? (
          <ToolDetail key={tool.name} tool={tool} />
        ) : toolName && tools.isSuccess ? (
          <EmptyState title={`There is no tool named “${toolName}”`}>
            <Link to="/tools">See every tool</Link>
          </EmptyState>
        ) : (
          !toolName && (
            <div className="hidden md:block">
              <EmptyState title="Choose a tool">
                Each tool has a form made from its input schema; run it and see its result here.
              </EmptyState>
            </div>
          )
        )}
      </div>
    </div>
  );
}
