import { describe, expect, it } from 'vitest';
import { namespacedName } from './external-tool.js';

describe('the names external tools get', () => {
  it('keeps a plain name, namespaced by its server', () => {
    expect(namespacedName('files', 'read_file')).toBe('files__read_file');
  });

  it('makes any MCP name one that model APIs accept', () => {
    const name = namespacedName('files', `read.file/v2 ${'x'.repeat(100)}`);
    expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(name.startsWith('files__read_file_v2_')).toBe(true);
  });
});
