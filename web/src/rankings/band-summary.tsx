// How many entities of each band the filter holds: a button per band that shows that band
// alone (or, pressed alone, every band again), and the total scored.
import { BandBadge, bands, type Band } from '../ui/band.js';
import type { RankingFilters } from './filters.js';
import { formatCount } from './format.js';
import type { BandCounts } from './types.js';

export function BandSummary(props: {
  counts: BandCounts | null;
  filters: RankingFilters;
  noun: string;
  pick: (band: Band) => void;
}) {
  const { counts, filters } = props;
  return (
    <div class="band-summary" role="group" aria-label="Counts per band (click to show one band)">
      {bands.map((band) => {
        const pressed = filters.band.includes(band);
        return (
          <button
            key={band}
            type="button"
            class={`band-count band-count-${band}`}
            aria-pressed={pressed}
            data-testid={`count-${band}`}
            onClick={() => props.pick(band)}
            title={
              pressed && filters.band.length === 1 ? 'Show every band' : `Show only ${band} band`
            }
          >
            <BandBadge band={band} />
            <span class="count">{counts ? formatCount(counts[band]) : '…'}</span>
          </button>
        );
      })}
      <p class="band-total muted" data-testid="count-total">
        {counts ? `${formatCount(counts.total)} ${props.noun} scored for this filter` : 'Counting…'}
      </p>
    </div>
  );
}
