import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../api/portability-types';
import { ExportSection } from './export-section';

const report: ImportReport = {
  memories: {
    created: [{ exported_id: 'm1', id: 'mem_1', name: 'My manager is Dana', renamed_from: null }],
    skipped: [
      {
        exported_id: 'm2',
        name: 'I like tea',
        code: 'ALREADY_THERE',
        reason: 'You already have this memory',
      },
    ],
  },
  context_spaces: { created: [], skipped: [] },
  agents: {
    created: [{ exported_id: 'a1', id: 'a9', name: 'researcher-2', renamed_from: 'researcher' }],
    skipped: [],
  },
  workflows: { created: [], skipped: [] },
};

describe('the export and import section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the chosen file to /api/v1/me/import and shows the report by section', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => Response.json(report));
    vi.stubGlobal('fetch', fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ExportSection />
      </QueryClientProvider>,
    );
    const file = new File([JSON.stringify({ format: 'switchboard.export' })], 'export.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByLabelText('Export file to import'), { target: { files: [file] } });
    expect(await screen.findByText('Memories: 1 created, 1 skipped')).toBeTruthy();
    expect(screen.getByText('“researcher” was taken: imported as “researcher-2”')).toBeTruthy();
    expect(screen.getByText('Skipped “I like tea”: You already have this memory')).toBeTruthy();
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/me/import');
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('POST');
  });
});
