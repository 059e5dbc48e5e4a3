// The four bands, in colour and in words and shape, so they read without colour too.
export const bands = ['red', 'orange', 'green', 'blue'] as const;
export type Band = (typeof bands)[number];

export const bandColours: Record<Band, string> = {
  red: '#c62828',
  orange: '#e65100',
  green: '#2e7d32',
  blue: '#1565c0',
};

/** A shape per band for readers who cannot tell the colours apart. */
export const bandShapes: Record<Band, string> = { red: '▲', orange: '◆', green: '●', blue: '■' };

export function BandBadge({ band }: { band: Band | null | undefined }) {
  if (!band) return <span class="band band-none">unscored</span>;
  return (
    <span class={`band band-${band}`} title={`Band ${band}`}>
      <span aria-hidden="true">{bandShapes[band]}</span> {band}
    </span>
  );
}

/** A checkbox per band, each labelled by its badge; `onChange` gets the bands picked after. */
export function BandChecks({
  picked,
  onChange,
  labelClass,
}: {
  picked: readonly Band[];
  onChange: (picked: Band[]) => void;
  /** The class of each checkbox's label (the filter forms lay them out their own way). */
  labelClass: string;
}) {
  const toggle = (band: Band, on: boolean) =>
    onChange(on ? [...picked, band] : picked.filter((b) => b !== band));
  return (
    <fieldset class="band-filter">
      <legend>Band</legend>
      {bands.map((band) => (
        <label key={band} class={labelClass}>
          <input
            type="checkbox"
            name="band"
            value={band}
            checked={picked.includes(band)}
            onChange={(e) => toggle(band, e.currentTarget.checked)}
          />
          <BandBadge band={band} />
        </label>
      ))}
    </fieldset>
  );
}
