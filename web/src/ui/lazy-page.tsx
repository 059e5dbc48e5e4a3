// A page whose code is fetched when it is first opened (Vite splits it into its own file), so
// the landing page loads only what it needs: the network and internal-fraud pages carry sigma,
// graphology and ForceAtlas2. `prefetch` fetches it ahead, when the browser is idle.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from './status.js';

type Page = ComponentType<{ params: Record<string, string> }>;

export interface LazyPage {
  page: Page;
  prefetch: () => void;
}

export function lazyPage(what: string, load: () => Promise<Page>): LazyPage {
  let loaded: Page | null = null;
  let loading: Promise<Page> | null = null;
  const fetchPage = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  function Lazy(props: { params: Record<string, string> }) {
    const [page, setPage] = useState<Page | null>(() => loaded);
    const [failure, setFailure] = useState<Error | null>(null);
    useEffect(() => {
      if (page) return;
      let live = true;
      fetchPage().then(
        (p) => live && setPage(() => p),
        (error: unknown) =>
          live && setFailure(new Error(`The ${what} page could not be loaded (${String(error)}).`)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failure) return <ErrorMessage error={failure} />;
    if (!page) return <Loading what={what} />;
    const Page = page;
    return <Page {...props} />;
  }
  return { page: Lazy, prefetch: () => void fetchPage().catch(() => undefined) };
}
