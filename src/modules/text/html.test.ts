import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './html.js';

const page = `<html><head><title>T</title><style>p { color: red }</style><script>alert("x")</script></head>
<body><h1>Readable Title</h1><p>First <b>bold</b> paragraph with a <a href="https://example.com/a">link</a>.</p>
<ul><li>one</li><li>two</li></ul><noscript>enable scripts</noscript><img src="x.png" alt="picture"></body></html>`;

describe('htmlToPlainText', () => {
  it('keeps the text and its paragraphs, drops scripts, styles and images, and leaves headings as written', async () => {
    const text = await htmlToPlainText(page);
    expect(text).toContain('Readable Title\n\nFirst bold paragraph with a link.');
    expect(text).toMatch(/\* one\n \* two/);
    expect(text).not.toMatch(/alert|color|enable scripts|picture|<|READABLE/);
  });

  it('writes link addresses after their text when asked', async () => {
    expect(await htmlToPlainText(page, { linkUrls: true })).toContain('a link [https://example.com/a].');
  });
});
