import { describe, expect, it } from 'vitest';
import { createPdfExtractor, textTools } from './index.js';
import { textToolNames } from './tool-names.js';

describe('the text tool names', () => {
  it('are exactly the names of the tools the text toolkit registers', () => {
    const tools = textTools({
      textLimit: 1024,
      fetchPolicy: { timeoutMs: 1, maxBytes: 1, allowedHosts: [] },
      pdfExtractor: createPdfExtractor({
        limits: { maxUnpackedBytes: 1024, maxPages: 1, timeoutMs: 1000, memoryMb: 64 },
        searchableTextLimit: 1024,
      }),
    });
    expect(tools.map((tool) => tool.name).sort()).toEqual([...textToolNames].sort());
  });
});
