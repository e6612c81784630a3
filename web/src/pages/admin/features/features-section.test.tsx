import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../components/toast';
import { FeaturesSection } from './features-section';

const flags = {
  external_mcp_servers: true,
  url_documents: true,
  sign_up: true,
  marketplace_publishing: true,
  a2a: false,
  outbound_webhooks: true,
};

describe('the features section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows which features are on and switches one with the admin route', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) =>
      Response.json(init?.method === 'PUT' ? { ...flags, ...JSON.parse(String(init.body)) } : flags),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <FeaturesSection />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const a2a = (await screen.findByRole('checkbox', { name: /A2A/ })) as HTMLInputElement;
    expect(a2a.checked).toBe(false);
    const webhooks = screen.getByRole('checkbox', { name: /Outbound webhooks/ }) as HTMLInputElement;
    expect(webhooks.checked).toBe(true);
    await userEvent.click(webhooks);
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[0]).toBe('/api/v1/admin/features');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ outbound_webhooks: false });
    await vi.waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /Outbound webhooks/ }) as HTMLInputElement).checked).toBe(
        false,
      ),
    );
  });
});
