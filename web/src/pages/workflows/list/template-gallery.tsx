import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { useTemplates, useWorkflowMutations } from '../workflow-api';

/** The built-in templates; Copy makes one yours and opens it. */
export function TemplateGallery() {
  const templates = useTemplates();
  const { copyTemplate } = useWorkflowMutations();
  const navigate = useNavigate();
  if (templates.isPending) return <Spinner label="Loading templates" />;
  if (templates.isError) return <ErrorNotice error={templates.error} />;
  return (
    <section aria-labelledby="templates-title" className="mt-8">
      <h2 id="templates-title" className="mb-3 text-lg font-semibold">
        Templates
      </h2>
      <ErrorNotice error={copyTemplate.error} className="mb-3" />
      <ul className="grid gap-3 sm:grid-cols-2">
        {templates.data.map((template) => (
          <li
            key={template.id}
            className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
          >
            <h3 className="font-medium">{template.title}</h3>
            <p className="flex-1 text-sm text-neutral-600 dark:text-neutral-400">{template.description}</p>
            <div>
              <Button
                size="sm"
                disabled={copyTemplate.isPending}
                aria-label={`Copy ${template.title} into your workflows`}
                onClick={() =>
                  copyTemplate.mutate(template.id, { onSuccess: (copy) => navigate(`/workflows/${copy.id}`) })
                }
              >
                Copy
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
