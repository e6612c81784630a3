import { useParams } from 'react-router';
import { PromptPage } from './editor/prompt-page';
import { PromptLibrary } from './library/prompt-library';

/** Prompts: the library at /prompts, one prompt (or `new`) at /prompts/:promptId. */
export function Component() {
  const { promptId } = useParams();
  if (!promptId) return <PromptLibrary />;
  return <PromptPage key={promptId} promptId={promptId} />;
}
