import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from './api.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
  /** replace the data with a value the server returned elsewhere (e.g. after an action) */
  set: (value: T) => void;
}

/** GETs a path (null: nothing yet) and reloads when it changes; the latest request wins. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    api<T>('GET', path)
      .then((value) => {
        if (request === latest.current) setData(value);
      })
      .catch((e: unknown) => {
        if (request === latest.current) setError(errorMessage(e));
      })
      .finally(() => {
        if (request === latest.current) setLoading(false);
      });
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, set: setData };
}
