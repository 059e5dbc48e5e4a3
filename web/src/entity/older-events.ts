// Older events of an entity's timeline, loaded a page at a time for each relation type the
// entity page cut (GET /api/entities/:type/:id/timeline), kept until another entity is shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { EntityDetail, TimelineCut, TimelineEvent, TimelinePage } from '../rankings/types.js';

/** Events a page of older ones brings (the API's default page). */
export const OLDER_PAGE = 50;

export interface OlderEvents {
  /** Loaded so far, newest first. */
  events: TimelineEvent[];
  /** Where the next page starts; null when there is nothing older. */
  cursor: string | null;
  loading: boolean;
  error: Error | null;
}

export function useOlderEvents(entity: EntityDetail): {
  older: Record<string, OlderEvents>;
  load: (cut: TimelineCut) => Promise<void>;
} {
  const [older, setOlder] = useState<Record<string, OlderEvents>>({});
  const key = `${entity.type}/${entity.id}`;
  const shown = useRef(key);
  useEffect(() => {
    shown.current = key;
    setOlder({});
  }, [key]);

  const load = async (cut: TimelineCut) => {
    const current = older[cut.relation];
    const cursor = current ? current.cursor : cut.nextCursor;
    if (cursor === null || current?.loading) return;
    const update = (change: (was: OlderEvents) => OlderEvents) => {
      if (shown.current !== key) return; // another entity is shown by now
      setOlder((all) => {
        const was = all[cut.relation] ?? { events: [], cursor, loading: false, error: null };
        return { ...all, [cut.relation]: change(was) };
      });
    };
    update((was) => ({ ...was, loading: true, error: null }));
    try {
      const page = await api.get<TimelinePage>(
        `/entities/${encodeURIComponent(entity.type)}/${encodeURIComponent(entity.id)}/timeline`,
        { query: { relation: cut.relation, cursor }, purpose: 'entity page' },
      );
      update((was) => ({
        events: [...was.events, ...page.events],
        cursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      update((was) => ({ ...was, loading: false, error: error as Error }));
    }
  };
  return { older, load };
}
