// The time slider: keeps only the relations active on a date (client-side, through the edge
// reducer), over the span of the dates the graph's relations carry.
import { dateOfDay, dayNumber } from './active-at.js';

export interface TimeSliderProps {
  span: { from: string; to: string } | null;
  asOf: string | null;
  onChange: (asOf: string | null) => void;
}

export function TimeSlider({ span, asOf, onChange }: TimeSliderProps) {
  if (!span) {
    return <p class="muted time-slider">No relation in this view carries dates.</p>;
  }
  const from = dayNumber(span.from);
  const to = dayNumber(span.to);
  const value = asOf ? Math.min(to, Math.max(from, dayNumber(asOf))) : to;
  return (
    <div class="time-slider">
      <label class="inline">
        <input
          type="checkbox"
          checked={asOf !== null}
          onChange={(e) => onChange(e.currentTarget.checked ? dateOfDay(value) : null)}
        />{' '}
        Only relations active on
      </label>
      <input
        type="range"
        aria-label="Date"
        min={from}
        max={to}
        step={1}
        value={value}
        disabled={asOf === null}
        onInput={(e) => onChange(dateOfDay(Number(e.currentTarget.value)))}
      />
      <output data-testid="as-of">{asOf ?? 'all dates'}</output>
      <span class="muted">
        ({span.from} – {span.to})
      </span>
    </div>
  );
}
