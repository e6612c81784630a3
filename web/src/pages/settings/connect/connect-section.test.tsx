import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectSection } from './connect-section';

function renderSection() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ConnectSection />
    </QueryClientProvider>,
  );
}

describe('the Connect an MCP client panel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fills each configuration with this instance’s address', () => {
    renderSection();
    const cursor = JSON.parse(screen.getByLabelText('Cursor configuration').textContent ?? '') as {
      mcpServers: { switchboard: { url: string } };
    };
    expect(cursor.mcpServers.switchboard.url).toBe(`${location.origin}/mcp`);
    const claude = screen.getByLabelText('Claude Desktop configuration').textContent ?? '';
    expect(claude).toContain(`"SWITCHBOARD_URL": "${location.origin}"`);
    expect(claude).toContain('"mcp"');
    expect(screen.getByLabelText('VS Code configuration').textContent).toContain('"type": "http"');
  });

  it('creates an mcp key on request and puts it in every configuration, with a warning', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ api_key: { id: 'k1' }, key: 'sb_secret123' }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetch);
    renderSection();
    await userEvent.click(screen.getByRole('button', { name: 'Create a key for this' }));
    expect(await screen.findByText(/will not be shown again/)).toBeTruthy();
    const [, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(request.body))).toMatchObject({ scopes: ['mcp'] });
    for (const client of ['Claude Desktop', 'Cursor', 'VS Code'])
      expect(screen.getByLabelText(`${client} configuration`).textContent).toContain('sb_secret123');
    expect(screen.queryByRole('button', { name: 'Create a key for this' })).toBeNull();
  });
});
