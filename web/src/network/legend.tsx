// The legend: the entity types drawn (fill colour), the bands (ring colour, and the shape in
// front of each label), and what a highlighted path and a collapsed hub look like.
import { bandColours, bandShapes, bands } from '../ui/band.js';
import { typeColours, typeNames, unscoredRing, pathColour } from './graph-style.js';
import { nodeTypes, type NodeType } from './graph-types.js';

export function Legend({ types }: { types: ReadonlySet<NodeType> }) {
  const shown = nodeTypes.filter((t) => types.has(t));
  return (
    <div class="network-legend" aria-label="Legend">
      <ul class="legend-list">
        {shown.map((type) => (
          <li key={type}>
            <span class="legend-dot" style={{ background: typeColours[type] }} aria-hidden="true" />{' '}
            {typeNames[type]}
          </li>
        ))}
      </ul>
      <ul class="legend-list">
        {bands.map((band) => (
          <li key={band}>
            <span
              class="legend-ring"
              style={{ borderColor: bandColours[band] }}
              aria-hidden="true"
            />{' '}
            <span aria-hidden="true">{bandShapes[band]}</span> {band}
          </li>
        ))}
        <li>
          <span class="legend-ring" style={{ borderColor: unscoredRing }} aria-hidden="true" />{' '}
          unscored
        </li>
      </ul>
      <p class="legend-note">
        Size grows with the score. <span style={{ color: pathColour }}>━</span> a path found; (+N) a
        collapsed hub with N neighbours not shown.
      </p>
    </div>
  );
}
