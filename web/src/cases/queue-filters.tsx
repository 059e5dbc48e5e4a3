// The queue's filters: a tab per status with its count, and the form for assignee, band,
// sector, region, offence, origin and order. Each change goes to the address (bookmarkable).
import { BandChecks } from '../ui/band.js';
import type { CaseFilters } from './case-filters.js';
import { caseStatuses, offences, origins, statusNames, type CaseStatus } from './case-types.js';
import { WordSelect } from './case-ui.js';

type Change = (change: Partial<CaseFilters>) => void;

/** "All" and one tab per status, the one shown pressed, each with how many cases it holds. */
export function StatusTabs({
  filters,
  counts,
  onChange,
}: {
  filters: CaseFilters;
  counts: Record<CaseStatus, number> | undefined;
  onChange: Change;
}) {
  const total = counts ? caseStatuses.reduce((n, s) => n + counts[s], 0) : null;
  return (
    <nav class="status-tabs" aria-label="Cases by status">
      <button
        type="button"
        class="secondary"
        aria-pressed={filters.status.length === 0}
        onClick={() => onChange({ status: [] })}
      >
        All {total !== null && <span class="count">{total}</span>}
      </button>
      {caseStatuses.map((s) => (
        <button
          key={s}
          type="button"
          class="secondary"
          aria-pressed={filters.status.length === 1 && filters.status[0] === s}
          onClick={() => onChange({ status: [s] })}
        >
          {statusNames[s]} {counts && <span class="count">{counts[s]}</span>}
        </button>
      ))}
    </nav>
  );
}

export function QueueFilters({
  filters,
  onChange,
  assignees,
}: {
  filters: CaseFilters;
  onChange: Change;
  assignees: string[];
}) {
  return (
    <form class="filters panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Assignee
        <input
          name="assignee"
          list="case-assignees"
          value={filters.assignee}
          placeholder="anyone"
          onChange={(e) => onChange({ assignee: e.currentTarget.value.trim() })}
        />
        <datalist id="case-assignees">
          <option value="me">my cases</option>
          {assignees.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <BandChecks
        picked={filters.band}
        labelClass="inline"
        onChange={(band) => onChange({ band })}
      />
      <label>
        Sector
        <input
          name="sector"
          size={6}
          value={filters.sector}
          placeholder="F41"
          onChange={(e) => onChange({ sector: e.currentTarget.value.trim().toUpperCase() })}
        />
      </label>
      <label>
        Region
        <input
          name="region"
          size={10}
          value={filters.region}
          onChange={(e) => onChange({ region: e.currentTarget.value.trim() })}
        />
      </label>
      <WordSelect
        label="Offence"
        name="offence"
        blank="any"
        options={offences}
        value={filters.offence}
        onChange={(offence) => onChange({ offence })}
      />
      <WordSelect
        label="Origin"
        name="origin"
        blank="any"
        options={origins}
        value={filters.origin}
        onChange={(origin) => onChange({ origin })}
      />
      <label>
        Order
        <select
          name="sort"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.currentTarget.value as CaseFilters['sort'] })}
        >
          <option value="newest">newest first</option>
          <option value="score">highest score first</option>
        </select>
      </label>
    </form>
  );
}
