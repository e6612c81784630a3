import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LiveEventsProvider } from '../api/live-events';
import { ErrorNotice, Spinner } from '../components/feedback';
import { signOut, useCurrentUser } from '../session';
import { setTheme, useIsDark } from '../theme';
import { AboutButton } from './about-dialog';
import { Icon } from './icons';
import { navItems } from './nav-items';
import { usePendingCount } from './pending-approvals';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
    isActive
      ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
      : 'text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800'
  }`;

/** The frame around every signed-in page: navigation (a drawer on narrow screens), the user, sign out. */
export function AppShell() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  // The drawer belongs to the page it was opened on: going elsewhere closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;

  if (user.isPending)
    return (
      <div className="grid h-dvh place-items-center">
        <Spinner label="Loading your workspace" />
      </div>
    );
  if (user.isError)
    return (
      <div className="mx-auto mt-16 max-w-md px-4">
        <ErrorNotice error={user.error} />
      </div>
    );

  const items = navItems.filter((item) => !item.adminOnly || user.data.role === 'admin');
  return (
    <LiveEventsProvider>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-neutral-900"
      >
        Skip to content
      </a>
      <div className="flex h-dvh flex-col md:flex-row">
        <header className="flex items-center justify-between border-b border-neutral-200 px-3 py-2 md:hidden dark:border-neutral-800">
          <button
            type="button"
            className="rounded-md p-2 hover:bg-neutral-100 dark:hover:bg-neutral-800"
            aria-label={menuOpen ? 'Close navigation' : 'Open navigation'}
            aria-expanded={menuOpen}
            aria-controls="app-nav"
            onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
          >
            <Icon name={menuOpen ? 'close' : 'menu'} />
          </button>
          <span className="font-semibold">Switchboard</span>
          <span className="w-9" />
        </header>
        <nav
          id="app-nav"
          aria-label="Main"
          className={`${menuOpen ? 'flex' : 'hidden'} fixed inset-x-0 bottom-0 top-[53px] z-40 flex-col gap-1 overflow-y-auto border-neutral-200 bg-white p-3 md:static md:flex md:w-56 md:shrink-0 md:border-r dark:border-neutral-800 dark:bg-neutral-950`}
        >
          <p className="mb-3 hidden px-3 pt-1 text-lg font-semibold md:block">Switchboard</p>
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} className={linkClass}>
              <Icon name={item.icon} />
              {item.label}
              {item.badge === 'pendingApprovals' && <PendingBadge />}
            </NavLink>
          ))}
          <div className="mt-auto flex flex-col gap-1 border-t border-neutral-200 pt-3 dark:border-neutral-800">
            <ThemeToggle />
            <AboutButton className={linkClass({ isActive: false })} />
            <p
              className="truncate px-3 text-xs text-neutral-600 dark:text-neutral-400"
              title={user.data.email}
            >
              {user.data.name || user.data.email}
            </p>
            <button type="button" className={linkClass({ isActive: false })} onClick={() => void signOut()}>
              <Icon name="signOut" />
              Sign out
            </button>
          </div>
        </nav>
        <main id="main" className="min-w-0 flex-1 overflow-y-auto">
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </LiveEventsProvider>
  );
}

/** How many approvals wait for the user (live: workflow events refresh it), beside "Approvals". */
function PendingBadge() {
  const count = usePendingCount();
  if (!count) return null;
  return (
    <span className="ml-auto rounded-full bg-amber-800 px-2 text-xs font-semibold text-white dark:bg-amber-400 dark:text-neutral-950">
      {count}
      <span className="sr-only"> waiting</span>
    </span>
  );
}

/** Switches between light and dark (the Settings page also offers "system"). */
function ThemeToggle() {
  const dark = useIsDark();
  return (
    <button
      type="button"
      className={linkClass({ isActive: false })}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <Icon name={dark ? 'sun' : 'moon'} />
      {dark ? 'Light theme' : 'Dark theme'}
    </button>
  );
}
