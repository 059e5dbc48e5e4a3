// The rankings' filter form: search by id or name, entity type, sector, offence, region, lowest
// score, bands and sort. Typed fields say so (`typing`), so the list waits for a pause.
import { BandChecks } from '../ui/band.js';
import { isFiltered, type RankingFilters } from './filters.js';
import type { Choice } from './options.js';

export interface FilterFormProps {
  filters: RankingFilters;
  options: { types: Choice[]; offences: Choice[]; sorts: Choice[] } | null;
  optionsError: Error | null;
  regions: string[];
  sectors: string[];
  update: (change: Partial<RankingFilters>, typing?: boolean) => void;
  clear: () => void;
}

export function FilterForm(props: FilterFormProps) {
  const { filters, options, update } = props;
  return (
    <form
      class="panel rankings-filters"
      role="search"
      aria-label="Filter the rankings"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Search id or name
        <input
          type="search"
          name="q"
          placeholder="E0-868, Jacobs…"
          value={filters.q}
          onInput={(e) => update({ q: e.currentTarget.value }, true)}
        />
      </label>
      <ChoiceSelect
        label="Entity type"
        name="type"
        value={filters.type}
        choices={options?.types}
        pick={(type) => update({ type })}
      />
      <label title="NACE section letter or code prefix: F, F41, F41.20 (employers only)">
        Sector (NACE)
        <input
          name="sector"
          list="sector-suggestions"
          placeholder={filters.type === 'employer' ? 'F, F41…' : 'n/a'}
          disabled={filters.type !== 'employer'}
          value={filters.sector}
          size={8}
          onInput={(e) => update({ sector: e.currentTarget.value.toUpperCase() }, true)}
        />
        <datalist id="sector-suggestions">
          {props.sectors.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <ChoiceSelect
        label="Offence"
        name="offence"
        value={filters.offence}
        choices={options?.offences}
        anyLabel="Any offence"
        pick={(offence) => update({ offence })}
      />
      <label>
        Region
        <input
          name="region"
          list="region-suggestions"
          placeholder="BE21…"
          value={filters.region}
          size={8}
          onInput={(e) => update({ region: e.currentTarget.value }, true)}
        />
        <datalist id="region-suggestions">
          {props.regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <label>
        Lowest score
        <input
          name="minScore"
          type="number"
          min="0"
          max="1"
          step="0.05"
          placeholder="0–1"
          value={filters.minScore}
          size={5}
          onInput={(e) => update({ minScore: e.currentTarget.value }, true)}
        />
      </label>
      <BandChecks picked={filters.band} labelClass="check" onChange={(band) => update({ band })} />
      <ChoiceSelect
        label="Sort"
        name="sort"
        value={filters.sort}
        choices={options?.sorts}
        pick={(sort) => update({ sort })}
      />
      <div class="filter-actions">
        <button
          type="button"
          class="secondary"
          disabled={!isFiltered(filters)}
          onClick={props.clear}
        >
          Clear filters
        </button>
      </div>
      {props.optionsError && (
        <p class="muted options-error">
          The lists of types, offences and sort orders could not be read (
          {props.optionsError.message}); the filter still works from the address bar.
        </p>
      )}
    </form>
  );
}

/**
 * A select over the API's choices. Until they arrive it offers the value it holds, so the
 * address still shows; `anyLabel` adds an empty choice first (no filter).
 */
function ChoiceSelect(props: {
  label: string;
  name: string;
  value: string;
  choices: Choice[] | undefined;
  anyLabel?: string;
  pick: (value: string) => void;
}) {
  const { value } = props;
  const choices = props.choices ?? (value ? [{ value, label: value }] : []);
  return (
    <label>
      {props.label}
      <select name={props.name} value={value} onChange={(e) => props.pick(e.currentTarget.value)}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
