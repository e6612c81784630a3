import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { Icon } from '../../../layout/icons';
import { getPrompt, promptKeys } from '../prompt-api';
import { VersionPanel } from '../versions/version-panel';
import { PromptActions } from './prompt-actions';
import { PromptEditor } from './prompt-editor';

/** One prompt (or a new one): its editor with live preview, its actions and its versions. */
export function PromptPage({ promptId }: { promptId: string }) {
  const isNew = promptId === 'new';
  const prompt = useQuery({
    queryKey: promptKeys.one(promptId),
    queryFn: ({ signal }) => getPrompt(promptId, signal),
    enabled: !isNew,
  });
  // The preview's values outlive a save (the editor starts afresh on each new version).
  const location = useLocation();
  const [previewValues, setPreviewValues] = useState<Record<string, string>>(
    () => (location.state as { previewValues?: Record<string, string> } | null)?.previewValues ?? {},
  );

  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <Link to="/prompts" className="mb-3 inline-flex items-center gap-1 text-sm">
        <Icon name="chevronLeft" className="size-4" />
        All prompts
      </Link>
      {!isNew && prompt.isPending && <Spinner label="Loading the prompt" />}
      <ErrorNotice error={prompt.error} />
      {(isNew || prompt.data) && (
        <>
          <header className="mb-5 flex flex-wrap items-start justify-between gap-3">
            <div>
              <h1 className="text-2xl font-semibold">
                {isNew ? 'New prompt' : (prompt.data?.title ?? prompt.data?.name)}
              </h1>
              {prompt.data && (
                <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                  Version {prompt.data.version} · used {prompt.data.use_count} times
                </p>
              )}
            </div>
            {prompt.data && <PromptActions prompt={prompt.data} />}
          </header>
          <PromptEditor
            key={prompt.data ? `${prompt.data.id}@${prompt.data.version}` : 'new'}
            prompt={prompt.data}
            previewValues={previewValues}
            onPreviewValues={setPreviewValues}
          />
          {prompt.data && <VersionPanel prompt={prompt.data} />}
        </>
      )}
    </div>
  );
}
