import { Button } from '../../../components/button';
import { CopyButton } from '../../../components/copy-button';
import { ErrorNotice } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { useCreateApiKey } from '../api-keys/api-keys';
import { clientConfigs } from './client-configs';

/**
 * Ready configuration for Claude Desktop, Cursor and VS Code with this instance's address; one
 * click creates an `mcp` key and fills it in (shown this once).
 */
export function ConnectSection() {
  const create = useCreateApiKey();
  const origin = location.origin;
  const apiKey = create.data?.key;
  const makeKey = () =>
    create.mutate({ name: `MCP client (${new Date().toLocaleDateString()})`, scopes: ['mcp'] });
  return (
    <section>
      <SectionHeading
        title="Connect an MCP client"
        description="Use your tasks, documents and prompts from an AI assistant on your computer."
      />
      <div className="mb-6 flex flex-col gap-3 rounded-lg border border-neutral-200 p-4 text-sm dark:border-neutral-800">
        <p>
          These configurations need an API key with the <code>mcp</code> scope. Create one here and it is
          filled into every configuration below.
        </p>
        {apiKey ? (
          <p
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            A new key is filled in below. Copy the configuration you need now: the key will not be shown
            again.
          </p>
        ) : (
          <div>
            <Button variant="primary" onClick={makeKey} disabled={create.isPending}>
              Create a key for this
            </Button>
          </div>
        )}
        <ErrorNotice error={create.error} />
      </div>
      <div className="flex flex-col gap-6">
        {clientConfigs({ origin, apiKey }).map((config) => (
          <article key={config.client} aria-labelledby={`client-${config.client}`}>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 id={`client-${config.client}`} className="font-semibold">
                {config.client}
              </h3>
              <CopyButton text={config.text} label={`Copy ${config.client} configuration`} />
            </div>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              In <code className="text-neutral-900 dark:text-neutral-100">{config.file}</code>. {config.how}
            </p>
            <pre
              aria-label={`${config.client} configuration`}
              className="mt-2 overflow-x-auto rounded-md bg-neutral-100 p-3 text-xs dark:bg-neutral-900"
            >
              {config.text}
            </pre>
          </article>
        ))}
        <article aria-labelledby="client-oauth">
          <h3 id="client-oauth" className="mb-2 font-semibold">
            Clients that sign in with OAuth
          </h3>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Claude’s custom connectors (Settings → Connectors → Add custom connector), the MCP Inspector and
            other clients that speak OAuth need only this address, and no key: they send you here to sign in
            and approve.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="rounded-md bg-neutral-100 px-3 py-2 text-sm dark:bg-neutral-900">
              {origin}/mcp
            </code>
            <CopyButton text={`${origin}/mcp`} label="Copy address" />
          </div>
        </article>
      </div>
    </section>
  );
}
