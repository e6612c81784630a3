import { useQuery } from '@tanstack/react-query';
import type { ModelChoices } from '@server/models/schema';
import { api } from '../../../api/client';
import { SelectField } from '../../../components/field';

/** The model the agent runs on (GET /api/v1/models), or the server's default. */
export function ModelField({
  value,
  onChange,
  disabled,
}: {
  value: string | null;
  onChange: (model: string | null) => void;
  disabled?: boolean;
}) {
  const choices = useQuery({
    queryKey: ['models'],
    queryFn: () => api<ModelChoices>('/api/v1/models'),
    staleTime: 30_000,
  });
  const models = choices.data?.models ?? [];
  const defaultModel = choices.data?.default_model;
  return (
    <SelectField
      label="Model"
      value={value ?? ''}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">The default model{defaultModel ? ` (${defaultModel})` : ''}</option>
      {value && !models.some((model) => model.id === value) && <option value={value}>{value}</option>}
      {models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.name}
        </option>
      ))}
    </SelectField>
  );
}
