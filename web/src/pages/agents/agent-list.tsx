import { Link } from 'react-router';
import type { Agent } from '../../api/agent-types';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { SelectField } from '../../components/field';
import { SearchForm } from '../../components/search-form';
import { useUrlParams } from '../../components/url-params';
import { Icon } from '../../layout/icons';
import { useAgentList } from './agent-api';

const whose = { '': 'All agents', true: 'Yours', false: 'Built-in and shared' } as const;
type Whose = keyof typeof whose;
const isWhose = (value: string | null): value is Whose => value !== null && value in whose;

/** What kind of agent it is, in words: built-in, published, shared, or private. */
export function agentBadge(agent: Agent): string {
  if (agent.builtin) return 'Built-in';
  if (agent.visibility === 'published') return 'Published';
  if (agent.visibility === 'shared') return 'Shared';
  return 'Private';
}

/** The agents you may run, searched and filtered from the URL (`q`, `mine`). */
export function AgentList() {
  const url = useUrlParams();
  const q = url.get('q');
  const mineParam = url.get('mine');
  const mine: Whose = isWhose(mineParam) ? mineParam : '';
  const list = useAgentList(q, mine);
  const agents = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Agents"
        description="Specialists with their own instructions, tools and limits. Ask one, or let them work together."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              to="/agents/teams"
              className="inline-flex items-center rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium text-neutral-900 no-underline hover:bg-neutral-100 hover:no-underline dark:border-neutral-700 dark:text-neutral-100 dark:hover:bg-neutral-800"
            >
              Teams
            </Link>
            <Link
              to="/agents/new"
              className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline dark:bg-blue-500 dark:text-neutral-950 dark:hover:bg-blue-400"
            >
              <Icon name="plus" className="size-4" />
              New agent
            </Link>
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <SearchForm
          label="Search agents"
          value={q}
          placeholder="Words in the name or description, then Enter"
          onSearch={(words) => url.set('q', words)}
        />
        <SelectField label="Show" value={mine} onChange={(event) => url.set('mine', event.target.value)}>
          {Object.entries(whose).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {list.isPending ? (
        <Spinner label="Loading agents" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : agents.length === 0 ? (
        <EmptyState title={q || mine ? 'No agent matches' : 'No agents yet'}>
          {q || mine ? 'Try other words, or show all agents.' : 'Write one with New agent.'}
        </EmptyState>
      ) : (
        <ul
          aria-label="Agents"
          className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
        >
          {agents.map((agent) => (
            <li key={agent.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3">
              <div className="min-w-48 flex-1">
                <Link to={`/agents/${agent.id}`} className="font-medium">
                  {agent.name}
                </Link>
                <p className="text-sm text-neutral-600 dark:text-neutral-400">{agent.description}</p>
                {agent.definition.capabilities.length > 0 && (
                  <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
                    Can: {agent.definition.capabilities.map((capability) => capability.name).join(', ')}
                  </p>
                )}
              </div>
              <span className="rounded-full border border-neutral-300 px-2 py-0.5 text-xs dark:border-neutral-700">
                {agentBadge(agent)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
