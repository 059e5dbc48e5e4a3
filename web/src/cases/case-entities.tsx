// The entities a case concerns, each to its page, with the band, score, top reason and model
// of the snapshot that chose it; the whole group opens in the network.
import { Link } from '../router.js';
import { BandBadge } from '../ui/band.js';
import { modelName, networkHref, type CaseDetail } from './case-types.js';
import { fixed } from './format.js';

export function CaseEntities({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">
        Concerns {c.entities.length} {c.entities.length === 1 ? 'entity' : 'entities'}
      </h2>
      {c.entities.length > 0 && (
        <p>
          <Link href={networkHref(c.entities)}>Open in network</Link>
        </p>
      )}
      {c.hiddenEntities > 0 && (
        <p class="muted">
          {c.hiddenEntities} more {c.hiddenEntities === 1 ? 'entity is' : 'entities are'} not shown
          to your role.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Entity</th>
            <th>Band then</th>
            <th class="num">Score then</th>
            <th>Top reason then</th>
            <th>Model</th>
          </tr>
        </thead>
        <tbody>
          {c.entities.map((e) => (
            <tr key={`${e.type}:${e.id}`}>
              <td>
                <Link href={`/entities/${e.type}/${encodeURIComponent(e.id)}`}>{e.label}</Link>
                <div class="muted">
                  {e.type} {e.id}
                </div>
              </td>
              <td>
                <BandBadge band={e.snapshot.band} />
              </td>
              <td class="num">{fixed(e.snapshot.score)}</td>
              <td>{e.snapshot.topReason ?? '—'}</td>
              <td>{modelName(e.snapshot.modelVersion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
