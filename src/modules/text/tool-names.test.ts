import { describe, expect, it } from 'vitest';
import { textTools } from './index.js';
import { textToolNames } from './tool-names.js';

describe('the text tool names', () => {
  it('are exactly the names of the tools the text toolkit registers', () => {
    const tools = textTools({
      textLimit: 1024,
      fetchPolicy: { timeoutMs: 1, maxBytes: 1, allowedHosts: [] },
    });
    expect(tools.map((tool) => tool.name).sort()).toEqual([...textToolNames].sort());
  });
});
