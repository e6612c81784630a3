import { useState } from 'react';
import { NavLink } from 'react-router';
import { TextField } from '../../components/field';
import { groupByToolset, type ToolInfo } from './tool-api';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-1.5 text-sm no-underline hover:no-underline ${
    isActive
      ? 'bg-blue-50 font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200'
      : 'text-neutral-800 hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800'
  }`;

/** Every tool grouped by toolset, with a filter box over names, titles, toolsets and descriptions. */
export function ToolList({ tools }: { tools: ToolInfo[] }) {
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = tools.filter((tool) => {
    const haystack = `${tool.name} ${tool.title} ${tool.toolset} ${tool.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return (
    <div className="flex flex-col gap-3">
      <TextField
        label="Filter tools"
        hideLabel
        type="search"
        placeholder="Filter tools"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {shown.length === 0 && (
        <p className="px-3 text-sm text-neutral-600 dark:text-neutral-400">No tool matches.</p>
      )}
      {groupByToolset(shown).map(([toolset, members]) => (
        <section key={toolset} aria-labelledby={toolsetId(toolset)}>
          <h2
            id={toolsetId(toolset)}
            className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400"
          >
            {toolset}
          </h2>
          <ul>
            {members.map((tool) => (
              <li key={tool.name}>
                <NavLink to={`/tools/${tool.name}`} className={linkClass}>
                  {tool.title}
                </NavLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// An id has no spaces (aria-labelledby reads a list of ids separated by them).
const toolsetId = (toolset: string) => `toolset-${toolset.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
