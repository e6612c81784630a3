import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { SearchForm } from '../../components/search-form';
import { useUrlParams } from '../../components/url-params';
import { MemoryAnalyticsPanel } from './memory-analytics';
import {
  type MemoryStatus,
  parseTags,
  scopeFrom,
  useMemoryList,
  useMemoryMutations,
  useMemorySearch,
} from './memory-api';
import { MemoryRow } from './memory-row';
import { MergeSuggestions } from './merge-suggestions';
import { WhoseField } from './whose-field';

const statuses: Record<MemoryStatus, string> = { active: 'Active', archived: 'Archived', all: 'All' };
const isStatus = (value: string | null): value is MemoryStatus => value !== null && value in statuses;

/** What the assistant and your agents remember about you: searched, filtered, changed, archived, forgotten. */
export function Component() {
  const url = useUrlParams();
  const q = url.get('q');
  const statusParam = url.get('status');
  const status = isStatus(statusParam) ? statusParam : 'active';
  const whose = url.get('whose');
  const tag = url.get('tag');
  const scope = scopeFrom(whose);
  const list = useMemoryList(status, tag, scope);
  const search = useMemorySearch(q, status !== 'active', scope);
  const { remember, merge } = useMemoryMutations();
  const listed = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Memory"
        description="Facts the assistant and your agents keep about you and recall when they help. Nothing is deleted unless you forget it."
        actions={
          <Button disabled={merge.isPending} onClick={() => merge.mutate(scope)}>
            {merge.isPending ? 'Merging…' : 'Merge duplicates'}
          </Button>
        }
      />
      {merge.data && (
        <p role="status" className="mb-4 text-sm">
          {merge.data.merged === 0
            ? 'No duplicates found.'
            : `${merge.data.merged} duplicate${merge.data.merged === 1 ? '' : 's'} merged.`}
        </p>
      )}
      <ErrorNotice error={merge.error} className="mb-4" />
      <form
        aria-label="Remember a fact"
        className="mb-6 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          remember.mutate(
            {
              text: String(data.get('text') ?? '').trim(),
              tags: parseTags(String(data.get('tags') ?? '')),
              importance: 3,
              ...scope,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField
          label="Remember"
          name="text"
          required
          placeholder="My manager is Dana"
          className="min-w-72"
        />
        <TextField label="Tags" name="tags" placeholder="work, people" />
        <Button type="submit" variant="primary" disabled={remember.isPending}>
          Remember
        </Button>
      </form>
      <ErrorNotice error={remember.error} className="mb-4" />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <SearchForm
          label="Search memories"
          value={q}
          placeholder="What would the assistant recall for… (Enter)"
          onSearch={(words) => url.set('q', words)}
        />
        <SelectField label="Show" value={status} onChange={(event) => url.set('status', event.target.value)}>
          {Object.entries(statuses).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <WhoseField value={whose} onChange={(value) => url.set('whose', value)} />
        <form
          key={tag}
          role="search"
          aria-label="Filter by tag"
          onSubmit={(event) => {
            event.preventDefault();
            url.set('tag', String(new FormData(event.currentTarget).get('tag') ?? '').trim());
          }}
        >
          <TextField label="Tag" name="tag" type="search" defaultValue={tag} placeholder="work, then Enter" />
        </form>
      </div>
      {!q && status !== 'archived' && (
        <MergeSuggestions
          memories={listed.filter((memory) => !memory.archived_at)}
          merging={merge.isPending}
          onMerge={() => merge.mutate(scope)}
        />
      )}
      {q ? (
        search.isPending ? (
          <Spinner label="Searching memories" />
        ) : search.isError ? (
          <ErrorNotice error={search.error} />
        ) : search.data.length === 0 ? (
          <EmptyState title="Nothing remembered matches" />
        ) : (
          <ul aria-label="Memories" className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {search.data.map((memory) => (
              <MemoryRow key={memory.id} memory={memory} score={memory.score} />
            ))}
          </ul>
        )
      ) : list.isPending ? (
        <Spinner label="Loading memories" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : listed.length === 0 && tag ? (
        <EmptyState title={`No memory tagged “${tag}”`}>Clear the tag to see them all.</EmptyState>
      ) : listed.length === 0 ? (
        <EmptyState title={status === 'archived' ? 'Nothing archived' : 'Nothing remembered yet'}>
          {status === 'archived' ? '' : 'Tell the assistant “remember that …”, or write a fact above.'}
        </EmptyState>
      ) : (
        <ul aria-label="Memories" className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {listed.map((memory) => (
            <MemoryRow key={memory.id} memory={memory} />
          ))}
        </ul>
      )}
      {!q && list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      <MemoryAnalyticsPanel scope={scope} />
    </div>
  );
}
