// The entity's timeline: jobs, directorships, claims, residences and bankruptcies, filtered by
// kind and ordered oldest or newest first, with a link to the other side of each where it has a
// page; long histories say where they were cut.
import { useState } from 'preact/hooks';
import { Link } from '../router.js';
import { Empty } from '../ui/status.js';
import { capitalised, formatCount, formatDate, formatPeriod } from '../rankings/format.js';
import type { EntityDetail, TimelineEvent } from '../rankings/types.js';
import { entityPath, orderedTimeline, timelineKinds } from './entity-view.js';

export function TimelineSection({ entity }: { entity: EntityDetail }) {
  const [newestFirst, setNewestFirst] = useState(false);
  const [kind, setKind] = useState('');
  const kinds = timelineKinds(entity.timeline);
  const events = orderedTimeline(
    entity.timeline.filter((e) => kind === '' || e.kind === kind),
    newestFirst,
  );
  return (
    <section class="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <div class="section-head">
        <h2 id="timeline-title">Timeline</h2>
        <label>
          Show
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">All events ({formatCount(entity.timeline.length)})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {capitalised(k)} ({formatCount(entity.timeline.filter((e) => e.kind === k).length)})
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
        <p class="muted">
          Long histories are cut:{' '}
          {entity.timelineTruncated
            .map(
              (t) => `${formatCount(t.shown)} most recent of ${formatCount(t.total)} ${t.relation}`,
            )
            .join('; ')}
          .
        </p>
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
