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
