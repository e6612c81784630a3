import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Markdown from './markdown';

describe('a reply in Markdown', () => {
  it('renders GitHub-flavoured Markdown with highlighted code and links opening aside', () => {
    const { container } = render(
      <Markdown
        text={[
          '**Done** — see [the docs](https://example.com).',
          '',
          '| task | due |',
          '| --- | --- |',
          '| Buy milk | today |',
          '',
          '```ts',
          'const total: number = 1;',
          '```',
        ].join('\n')}
      />,
    );
    expect(screen.getByText('Done').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'the docs' }).getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('cell', { name: 'Buy milk' })).toBeTruthy();
    expect(container.querySelector('code.hljs.language-ts .hljs-keyword')?.textContent).toBe('const');
  });
});
