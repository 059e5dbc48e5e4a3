// What was done about the entity before: its past inspections (outcome, offence, period, origin,
// amount recovered) and the cases about it, each to its case page.
import { Link } from '../router.js';
import { Empty } from '../ui/status.js';
import { Panel } from '../ui/panel.js';
import { capitalised, formatDate, formatEuros, formatPeriod, words } from '../rankings/format.js';
import type { EntityDetail } from '../rankings/types.js';

export function InspectionsSection({ entity }: { entity: EntityDetail }) {
  return (
    <Panel id="inspections" title="Past inspections" testid="inspections">
      {entity.inspections.length === 0 ? (
        <Empty>Never inspected.</Empty>
      ) : (
        <ul class="plain">
          {entity.inspections.map((i) => (
            <li key={i.id}>
              <strong>{capitalised(i.outcome) || 'Open'}</strong>
              {i.offence && i.offence !== 'none' ? `: ${words(i.offence)}` : ''}{' '}
              <span class="muted">
                ({formatPeriod(i.openedOn, i.closedOn)}, {words(i.origin) || 'origin unknown'}
                {i.recoveredEur ? `, ${formatEuros(i.recoveredEur)} recovered` : ''}){' '}
                <code>{i.id}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function CasesSection({ entity }: { entity: EntityDetail }) {
  return (
    <Panel id="cases" title="Cases" testid="cases">
      {entity.cases.length === 0 ? (
        <Empty>No case about this entity.</Empty>
      ) : (
        <ul class="plain">
          {entity.cases.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.id}</Link> {c.title ?? ''}{' '}
              <span class="status-word">{words(c.status)}</span>
              {c.createdAt && <span class="muted"> opened {formatDate(c.createdAt)}</span>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
