// Loads something from the API for a page: the data, the error in words, a loading flag, and
// a reload. A newer request supersedes an older one (its answer is dropped, its fetch aborted).
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const mine = ++latest.current;
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (mine !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== latest.current || controller.signal.aborted) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);

  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}
