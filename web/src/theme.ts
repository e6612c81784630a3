import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark' | 'system';
const storageKey = 'switchboard.theme';
const darkQuery = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function savedTheme(): Theme {
  const value = localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function isDark() {
  const theme = savedTheme();
  return theme === 'dark' || (theme === 'system' && matchMedia(darkQuery).matches);
}

/** Puts the `dark` class on <html> when the theme (or, for `system`, the system) is dark, and tells every hook. */
function apply() {
  document.documentElement.classList.toggle('dark', isDark());
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Chooses the theme for this browser, for every page at once. */
export function setTheme(theme: Theme) {
  localStorage.setItem(storageKey, theme);
  apply();
}

/** Follows the system's dark mode while the theme is `system`. Called once at start. */
export function followSystemTheme() {
  matchMedia(darkQuery).addEventListener('change', apply);
}

/**
 * The theme the user chose (light, dark, or the system's), kept in this browser. public/theme-init.js
 * applies it before the first paint, so a dark page never flashes light.
 */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, savedTheme);
}

/** Whether the page is dark now (the chosen theme, or the system's). */
export function useIsDark(): boolean {
  return useSyncExternalStore(subscribe, isDark);
}
