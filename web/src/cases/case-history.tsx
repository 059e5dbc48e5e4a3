// A case's history in words: who did what when, status changes, comments and measures.
import { words, type CaseEvent } from './case-types.js';
import { dateTime } from './format.js';

const eventWords: Record<CaseEvent['kind'], (e: CaseEvent) => string> = {
  created: () => 'opened the case',
  assigned: (e) => `assigned it to ${e.assignee ?? 'nobody'}`,
  taken: () => 'took it',
  started: () => 'started work',
  released: () => 'put it back in the queue',
  comment: () => 'commented',
  measure: (e) =>
    e.measure
      ? `${e.measure.mode === 'automatic' ? 'requested' : 'recorded'} a measure: ${words(e.measure.kind)} (${e.measure.mode}, ${words(e.measure.status)})`
      : 'recorded a measure',
  closed: () => 'closed it',
};

export function CaseHistory({ events }: { events: CaseEvent[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">History</h2>
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.seq}>
            <span class="when">{dateTime(e.at)}</span> <strong>{e.by}</strong>{' '}
            {eventWords[e.kind](e)}
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <span class="muted">
                {' '}
                ({words(e.fromStatus)} → {words(e.toStatus)})
              </span>
            )}
            {e.text && <div class="text">{e.text}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
