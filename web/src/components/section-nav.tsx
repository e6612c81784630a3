import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { PageHeader } from './feedback';
import { SelectField } from './field';

export interface Section {
  id: string;
  label: string;
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
    isActive
      ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
      : 'text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800'
  }`;

/**
 * A page's sections, each at its own URL (`basePath/<id>`): a side list on wide screens, a select on
 * narrow ones, so the list never crowds a phone's screen.
 */
export function SectionNav({
  sections,
  active,
  basePath,
  label,
}: {
  sections: Section[];
  active: string;
  basePath: string;
  label: string;
}) {
  const navigate = useNavigate();
  return (
    <>
      <div className="md:hidden">
        <SelectField
          label={label}
          value={active}
          onChange={(event) => void navigate(`${basePath}/${event.target.value}`)}
        >
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.label}
            </option>
          ))}
        </SelectField>
      </div>
      <nav aria-label={label} className="hidden md:block md:w-48 md:shrink-0">
        <ul className="flex flex-col gap-1">
          {sections.map((section) => (
            <li key={section.id}>
              <NavLink
                to={`${basePath}/${section.id}`}
                className={() => linkClass({ isActive: section.id === active })}
                aria-current={section.id === active ? 'page' : undefined}
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** A page split into sections: its title, the section list, and the open section beside it. */
export function SectionedPage({
  title,
  description,
  sections,
  active,
  basePath,
  children,
}: {
  title: string;
  description?: ReactNode;
  sections: Section[];
  active: string;
  basePath: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl p-4 md:p-6">
      <PageHeader title={title} description={description} />
      <div className="flex flex-col gap-6 md:flex-row">
        <SectionNav sections={sections} active={active} basePath={basePath} label={`${title} sections`} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}

/** A section's heading, a line about it, and its actions. */
export function SectionHeading({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        {description && <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
