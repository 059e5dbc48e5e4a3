// Older events of an entity's timeline, loaded a page at a time for each relation type the
// entity page cut (GET /api/entities/:type/:id/timeline). The state belongs to one entity: the
// timeline section is keyed by it, and requests still on their way when it goes are aborted.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { EntityDetail, TimelineCut, TimelineEvent, TimelinePage } from '../rankings/types.js';

/** Events a page of older ones brings. */
export const OLDER_PAGE = 50;

export interface OlderEvents {
  /** Loaded so far, newest first. */
  events: TimelineEvent[];
  /** Where the next page starts; null when there is nothing older. */
  cursor: string | null;
  loading: boolean;
  error: Error | null;
}

/** Where the next older page of a cut type starts (null: nothing older). */
export function nextCursorOf(cut: TimelineCut, older: OlderEvents | undefined): string | null {
  return older ? older.cursor : cut.nextCursor;
}

export function useOlderEvents(entity: EntityDetail): {
  older: Record<string, OlderEvents>;
  load: (cut: TimelineCut) => Promise<void>;
} {
  const [older, setOlder] = useState<Record<string, OlderEvents>>({});
  const aborter = useRef(new AbortController());
  useEffect(() => () => aborter.current.abort(), []);

  const load = async (cut: TimelineCut) => {
    const current = older[cut.relation];
    const cursor = nextCursorOf(cut, current);
    if (cursor === null || current?.loading) return;
    const signal = aborter.current.signal;
    const update = (change: (was: OlderEvents) => OlderEvents) =>
      setOlder((all) => {
        const was = all[cut.relation] ?? { events: [], cursor, loading: false, error: null };
        return { ...all, [cut.relation]: change(was) };
      });
    update((was) => ({ ...was, loading: true, error: null }));
    try {
      const page = await api.get<TimelinePage>(
        `/entities/${encodeURIComponent(entity.type)}/${encodeURIComponent(entity.id)}/timeline`,
        {
          query: { relation: cut.relation, cursor, limit: OLDER_PAGE },
          purpose: 'entity page',
          signal,
        },
      );
      update((was) => ({
        events: [...was.events, ...page.events],
        cursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (signal.aborted) return;
      update((was) => ({ ...was, loading: false, error: error as Error }));
    }
  };
  return { older, load };
}
