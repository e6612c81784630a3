import { describe, expect, it } from 'vitest';
import { ExportFileTooLargeError } from '../errors.js';
import { type ExportFile, exportFileLimits } from '../schema.js';
import { assertWithinLimits } from './file-limits.js';

const empty: ExportFile = {
  format: 'switchboard.export',
  format_version: 1,
  exported_at: '2026-01-01T00:00:00.000Z',
  memories: [],
  context_spaces: [],
  agents: [],
  workflows: [],
};

describe('the item limits of an export file', () => {
  it('lets a file at the limits through', () => {
    const workflows = Array.from({ length: exportFileLimits.workflows }, (_, index) => ({
      id: `w${index}`,
      definition: {},
    }));
    expect(() => assertWithinLimits({ ...empty, workflows })).not.toThrow();
  });

  it('refuses a section over its limit with EXPORT_FILE_TOO_LARGE naming it', () => {
    const agents = Array.from({ length: exportFileLimits.agents + 1 }, (_, index) => ({
      id: `a${index}`,
      file: {
        format: 'switchboard.agent' as const,
        format_version: 1 as const,
        exported_at: '',
        exported_version: 1,
        agent: {},
      },
    }));
    const refused = (() => {
      try {
        assertWithinLimits({ ...empty, agents });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ExportFileTooLargeError);
    expect(refused).toMatchObject({ code: 'EXPORT_FILE_TOO_LARGE', kind: 'too_large', field: 'agents' });
  });

  it('counts the entries of each space', () => {
    const entries = Array.from({ length: exportFileLimits.entries_per_space + 1 }, (_, index) => ({
      key: `k${index}`,
      value: index,
    }));
    expect(() =>
      assertWithinLimits({ ...empty, context_spaces: [{ id: 's', name: 'Big', entries }] }),
    ).toThrow(/10000 entries per space/);
  });
});
