import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { type ModelChoices, modelsKey } from './models';
import { ModelSettingsForm } from './model-settings-form';
import { ProviderList } from './provider-list';

/** The default model, the models people may pick, and whether each provider answers. */
export function ModelsSection() {
  const choices = useQuery({ queryKey: modelsKey, queryFn: () => api<ModelChoices>('/api/v1/models') });
  return (
    <section className="flex flex-col gap-8">
      <div>
        <SectionHeading
          title="Models"
          description="Which models people may chat with, and which a new conversation uses."
        />
        <ErrorNotice error={choices.error} />
        {choices.isPending && <Spinner label="Loading models" />}
        {choices.data && (
          <ModelSettingsForm
            key={`${choices.data.default_model} ${choices.data.models.map((model) => model.id).join(' ')}`}
            choices={choices.data}
          />
        )}
      </div>
      {choices.data && (
        <div>
          <h3 className="mb-3 font-semibold">Providers</h3>
          <ProviderList providers={choices.data.providers} />
        </div>
      )}
    </section>
  );
}
