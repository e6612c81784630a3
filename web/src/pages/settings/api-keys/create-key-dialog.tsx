import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { useCurrentUser } from '../../../session';
import { type Scope, scopeChoices, useCreateApiKey } from './api-keys';
import { NewKeyNotice } from './new-key-notice';

const expiries = [
  { value: '', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

/** Creates an API key (name, scopes, expiry), then shows the key once. */
export function CreateKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isAdmin = useCurrentUser().data?.role === 'admin';
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['mcp']);
  const [expiry, setExpiry] = useState('');
  const close = () => {
    create.reset();
    setName('');
    setScopes(['mcp']);
    setExpiry('');
    onClose();
  };
  const toggle = (scope: Scope, on: boolean) =>
    setScopes(on ? [...scopes, scope] : scopes.filter((kept) => kept !== scope));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), scopes, expires_in_days: expiry ? Number(expiry) : undefined });
  };
  if (create.data)
    return (
      <Dialog
        open={open}
        title="Your new API key"
        onClose={close}
        footer={
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        }
      >
        <NewKeyNotice secret={create.data.key} />
      </Dialog>
    );
  return (
    <Dialog
      open={open}
      title="Create an API key"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form="create-key-form"
            variant="primary"
            disabled={create.isPending || scopes.length === 0}
          >
            Create key
          </Button>
        </>
      }
    >
      <form id="create-key-form" onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label="Name"
          required
          maxLength={100}
          placeholder="Laptop, Cursor, a script…"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {scopeChoices
            .filter((choice) => isAdmin || !choice.adminOnly)
            .map((choice) => (
              <label key={choice.scope} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={scopes.includes(choice.scope)}
                  onChange={(event) => toggle(choice.scope, event.target.checked)}
                />
                <span>
                  <span className="font-medium">{choice.label}</span>{' '}
                  <code className="text-xs">{choice.scope}</code>
                  <span className="block text-neutral-600 dark:text-neutral-400">{choice.description}</span>
                </span>
              </label>
            ))}
          {scopes.length === 0 && (
            <p className="text-xs text-red-700 dark:text-red-400">Choose at least one scope.</p>
          )}
        </fieldset>
        <SelectField label="Expires" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
          {expiries.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <ErrorNotice error={create.error} />
      </form>
    </Dialog>
  );
}
