import { useState } from 'react';
import { SelectField, TextArea, TextField } from '../../../components/field';

type Source = 'tag' | 'query' | 'texts';

const sourceLabels: Record<Source, string> = {
  tag: 'Your documents with a tag',
  query: 'Your documents matching words',
  texts: 'Texts, one a line',
};

/**
 * What a pipeline runs over (docs/pipelines.md): documents by tag or by words, or pasted texts.
 * `read` answers the run input's item field, or a sentence saying what is missing.
 */
export function usePipelineItems() {
  const [source, setSource] = useState<Source>('tag');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const read = (): Record<string, unknown> | null => {
    const texts = value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (source === 'texts' ? texts.length === 0 : !value.trim()) {
      setProblem('Say which items to run over.');
      return null;
    }
    setProblem(undefined);
    return { [source]: source === 'texts' ? texts : value.trim() };
  };

  const fields = (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Items</legend>
      <SelectField
        label="Run over"
        value={source}
        className="h-10 w-72"
        onChange={(event) => setSource(event.target.value as Source)}
      >
        {Object.entries(sourceLabels).map(([name, label]) => (
          <option key={name} value={name}>
            {label}
          </option>
        ))}
      </SelectField>
      {source === 'texts' ? (
        <TextArea
          label="Texts"
          rows={4}
          value={value}
          error={problem}
          onChange={(event) => setValue(event.target.value)}
        />
      ) : (
        <TextField
          label={source === 'tag' ? 'Tag' : 'Words'}
          value={value}
          error={problem}
          onChange={(event) => setValue(event.target.value)}
        />
      )}
    </fieldset>
  );
  return { fields, read };
}
