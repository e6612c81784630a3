import { useQuery } from '@tanstack/react-query';
import type { ModelChoices } from '@server/models/schema';
import { api } from '../../../api/client';
import { SelectField } from '../../../components/field';

const stateNote = { ready: '', not_configured: ' (not configured)', unreachable: ' (unreachable)' };

/** The models the user may pick (GET /api/v1/models), each with whether its provider answers. */
export function ModelPicker({
  value,
  onChange,
  disabled,
}: {
  /** The conversation's model; undefined is the default. */
  value: string | undefined;
  onChange: (model: string) => void;
  disabled?: boolean;
}) {
  const choices = useQuery({
    queryKey: ['models'],
    queryFn: () => api<ModelChoices>('/api/v1/models'),
    staleTime: 30_000,
  });
  if (!choices.data)
    return (
      <SelectField label="Model" hideLabel disabled className="w-48">
        <option>{choices.isError ? 'Models unavailable' : 'Loading models…'}</option>
      </SelectField>
    );
  const { models, providers, default_model: defaultModel } = choices.data;
  const selected = value && models.some((model) => model.id === value) ? value : defaultModel;
  const provider = (id: string) => providers.find((status) => status.provider === id);
  const problem = provider(models.find((model) => model.id === selected)?.provider ?? '');
  return (
    <div className="w-40 max-w-full sm:w-56">
      <SelectField
        label="Model"
        hideLabel
        value={selected}
        disabled={disabled}
        hint={problem && problem.state !== 'ready' ? (problem.message ?? undefined) : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name}
            {model.id === defaultModel ? ' (default)' : ''}
            {stateNote[provider(model.provider)?.state ?? 'ready']}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
