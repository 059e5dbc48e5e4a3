// The entity's timeline: jobs, directorships, claims, residences and bankruptcies, filtered by
// kind and ordered oldest or newest first, with a link to the other side of each where it has a
// page; long histories say where they were cut, and bring older events a page at a time.
import { useState } from 'preact/hooks';
import { Link } from '../router.js';
import { Empty, ErrorMessage } from '../ui/status.js';
import { capitalised, formatCount, formatDate, formatPeriod } from '../rankings/format.js';
import type { EntityDetail, TimelineCut, TimelineEvent } from '../rankings/types.js';
import { entityPath, orderedTimeline, relationInWords, timelineKinds } from './entity-view.js';
import { nextCursorOf, OLDER_PAGE, useOlderEvents, type OlderEvents } from './older-events.js';

export function TimelineSection({ entity }: { entity: EntityDetail }) {
  const [newestFirst, setNewestFirst] = useState(false);
  const [kind, setKind] = useState('');
  const { older, load } = useOlderEvents(entity);
  const timeline = [...entity.timeline, ...Object.values(older).flatMap((o) => o.events)];
  const kinds = timelineKinds(timeline);
  const events = orderedTimeline(
    timeline.filter((e) => kind === '' || e.kind === kind),
    newestFirst,
  );
  return (
    <section class="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <div class="section-head">
        <h2 id="timeline-title">Timeline</h2>
        <label>
          Show
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">All events ({formatCount(timeline.length)})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {capitalised(k)} ({formatCount(timeline.filter((e) => e.kind === k).length)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={(e) => setNewestFirst(e.currentTarget.value === 'newest')}
          >
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
      </div>
      {entity.timelineTruncated.length > 0 && (
        <ul class="timeline-cuts muted" data-testid="timeline-cuts">
          {entity.timelineTruncated.map((cut) => (
            <CutLine
              key={cut.relation}
              cut={cut}
              older={older[cut.relation]}
              onMore={() => void load(cut)}
            />
          ))}
        </ul>
      )}
      {events.length === 0 ? (
        <Empty>Nothing dated is known about this entity.</Empty>
      ) : (
        <ol class="timeline">
          {events.map((e, i) => (
            <TimelineItem key={`${e.kind}-${e.date}-${i}`} event={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** How much of a long history is shown, and a button for the next older page. */
function CutLine({
  cut,
  older,
  onMore,
}: {
  cut: TimelineCut;
  older: OlderEvents | undefined;
  onMore: () => void;
}) {
  const shown = Math.min(cut.total, cut.shown + (older?.events.length ?? 0));
  const cursor = nextCursorOf(cut, older);
  const what = relationInWords(cut.relation);
  const next = Math.min(OLDER_PAGE, cut.total - shown);
  return (
    <li>
      Showing the {formatCount(shown)} most recent of {formatCount(cut.total)} {what}.
      {cursor !== null && next > 0 && (
        <>
          {' '}
          <button type="button" class="link" disabled={older?.loading} onClick={onMore}>
            {older?.loading ? 'Loading…' : `Show ${formatCount(next)} older ${what}`}
          </button>
        </>
      )}
      {older?.error && <ErrorMessage error={older.error} />}
    </li>
  );
}

/** Events that happen on a day rather than last: no "since". */
const pointKinds = new Set(['founded', 'ceased']);

function TimelineItem({ event }: { event: TimelineEvent }) {
  const other = event.other;
  const href = other ? entityPath(other.type, other.id) : null;
  return (
    <li class={`event event-${event.kind}`} data-testid="timeline-event">
      <span class="when">
        {pointKinds.has(event.kind)
          ? formatDate(event.date)
          : formatPeriod(event.date, event.endDate)}
      </span>
      <span class="kind">{capitalised(event.kind)}</span>
      <span class="what">
        {event.summary}
        {href && other && (
          <>
            {' '}
            <Link href={href} class="chip" aria-label={`Open ${other.label}`}>
              open
            </Link>
          </>
        )}
      </span>
    </li>
  );
}
