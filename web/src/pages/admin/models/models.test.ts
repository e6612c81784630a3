import { describe, expect, it } from 'vitest';
import { modelIdProblem } from './models';

describe('checking a model id before it is added', () => {
  it('accepts provider:model and offline', () => {
    expect(modelIdProblem('openai:gpt-4.1-mini', ['offline'])).toBeNull();
    expect(modelIdProblem('ollama:qwen2.5:14b', ['offline'])).toBeNull();
    expect(modelIdProblem('offline', [])).toBeNull();
  });

  it('explains a wrong shape, an unknown provider and a model already allowed', () => {
    expect(modelIdProblem('gpt-4o', [])).toMatch(/provider:model/);
    expect(modelIdProblem('mistral:large', [])).toMatch(/provider:model/);
    expect(modelIdProblem('openai:', [])).toMatch(/provider:model/);
    expect(modelIdProblem('offline', ['offline'])).toMatch(/already allowed/);
  });
});
