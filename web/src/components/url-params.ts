import { useSearchParams } from 'react-router';

/**
 * The page's URL query as state: `get(key)` reads one value ('' when absent), `set(key, value)`
 * changes it and keeps the others (an empty value removes the key), so a filter survives a reload
 * and the Back button.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  return {
    get: (key: string) => params.get(key) ?? '',
    set: (key: string, value: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
  };
}
