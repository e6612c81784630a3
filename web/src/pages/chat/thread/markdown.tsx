import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import './code-theme.css';

const languages = { bash, css, javascript, json, markdown, python, sql, typescript, xml, yaml };
const aliases = {
  bash: ['sh', 'shell', 'zsh'],
  javascript: ['js', 'jsx'],
  typescript: ['ts', 'tsx'],
  xml: ['html'],
};
const rehypePlugins = [[rehypeHighlight, { languages, aliases, detect: false }] as const] as never;
const remarkPlugins = [remarkGfm];

const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  table: ({ node: _node, ...props }) => (
    <div className="overflow-x-auto">
      <table {...props} />
    </div>
  ),
};

/**
 * A reply's Markdown (GitHub flavour: tables, task lists, strikethrough) with highlighted code.
 * Loaded on demand: the parser and the highlighter stay out of the chat page's first load.
 */
export default function Markdown({ text }: { text: string }) {
  return (
    <div className={markdownClass}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

export const markdownClass = [
  'break-words leading-relaxed',
  '[&_p]:my-2 [&_ul]:my-2 [&_ol]:my-2 [&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-6 [&_ol]:pl-6 [&_li]:my-0.5',
  '[&_h1]:mt-4 [&_h1]:mb-2 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold',
  '[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold',
  '[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-neutral-300 [&_blockquote]:pl-3 [&_blockquote]:text-neutral-700',
  'dark:[&_blockquote]:border-neutral-700 dark:[&_blockquote]:text-neutral-300',
  '[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:p-3 [&_pre]:text-sm',
  '[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-neutral-100 [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:text-[0.9em]',
  'dark:[&_:not(pre)>code]:bg-neutral-800',
  '[&_table]:my-2 [&_table]:border-collapse [&_td]:border [&_th]:border [&_td]:px-2 [&_th]:px-2 [&_td]:py-1 [&_th]:py-1',
  '[&_td]:border-neutral-300 [&_th]:border-neutral-300 dark:[&_td]:border-neutral-700 dark:[&_th]:border-neutral-700',
  '[&_hr]:my-4 [&_hr]:border-neutral-200 dark:[&_hr]:border-neutral-800 [&>div>*:first-child]:mt-0 [&>div>*:last-child]:mb-0',
].join(' ');
