import { useState } from 'react';
import { Button, type ButtonProps } from './button';
import { Icon } from '../layout/icons';

/** Copies `text` to the clipboard and says "Copied" for a moment (or that it could not). */
export function CopyButton({
  text,
  label = 'Copy',
  ...props
}: { text: string; label?: string } & Omit<ButtonProps, 'onClick' | 'children'>) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={() => void copy()} {...props}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} className="size-4" />
        {label}
      </Button>
      <span role="status" className="text-xs text-neutral-700 dark:text-neutral-300">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Could not copy: select the text and copy it'
            : ''}
      </span>
    </span>
  );
}
