// A closed case's outcome: confirmed or unfounded, the offence found, the amount recovered, who
// closed it when with their note, and the inspections written on closing.
import { Panel } from '../ui/panel.js';
import { words, type CaseDetail } from './case-types.js';
import { dateTime, euros } from './format.js';

export function CaseOutcome({ c }: { c: CaseDetail }) {
  return (
    <Panel id="outcome" title="Outcome" class="outcome">
      <p>
        <strong>{c.outcome === 'confirmed' ? 'Confirmed' : 'Unfounded'}</strong>
        {c.inspections[0] && c.inspections[0].offence !== 'none' && (
          <> — {words(c.inspections[0].offence)}</>
        )}
        , {euros(c.recoveredEur)} recovered. Closed {dateTime(c.closedAt)} by {c.closedBy ?? '—'}.
      </p>
      {c.closeNote && <p class="text">{c.closeNote}</p>}
      <table>
        <caption class="visually-hidden">Inspections written when the case was closed</caption>
        <thead>
          <tr>
            <th>Inspection (label)</th>
            <th>Entity</th>
            <th>Outcome</th>
            <th>Offence</th>
            <th class="num">Recovered</th>
          </tr>
        </thead>
        <tbody>
          {c.inspections.map((i) => (
            <tr key={i.id}>
              <td>{i.id}</td>
              <td>
                {i.subject.type} {i.subject.id}
              </td>
              <td>{i.outcome}</td>
              <td>{words(i.offence)}</td>
              <td class="num">{euros(i.recoveredEur)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
