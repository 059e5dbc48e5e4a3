// Why the entity scored as it did: the top reason in words, the indicator rules that fired, the
// model's contributions with the arithmetic to the probability, the probability per offence, and
// the network evidence with links to the entities it names.
import { Link } from '../router.js';
import { Empty } from '../ui/status.js';
import { Panel } from '../ui/panel.js';
import {
  capitalised,
  formatScore,
  formatSigned,
  formatValue,
  sentence,
  words,
} from '../rankings/format.js';
import type { EntityDetail, EntityFeature, Reasons } from '../rankings/types.js';
import {
  entityPath,
  offencesByProbability,
  scoreArithmetic,
  unitsByFeature,
} from './entity-view.js';

export function WhySection({ entity }: { entity: EntityDetail }) {
  const score = entity.score;
  const reasons = score?.reasons ?? null;
  return (
    <Panel id="why" title="Why this score" testid="reasons">
      {!score ? (
        <Empty>No score: the entity has not been scored.</Empty>
      ) : (
        <>
          <p class="lead">
            {score.topReason
              ? sentence(score.topReason)
              : 'Nothing stands out: no rule fired and no input pushed the score up.'}
          </p>
          {score.offences.length > 0 && (
            <p class="muted">
              Suspected: {score.offences.map((o) => words(o)).join(', ')}. A score is a reason to
              look, never a decision.
            </p>
          )}
          {reasons ? (
            <ReasonDetails reasons={reasons} features={entity.features} />
          ) : (
            <Empty>The reasons behind this score are not available.</Empty>
          )}
        </>
      )}
    </Panel>
  );
}

function ReasonDetails({ reasons, features }: { reasons: Reasons; features: EntityFeature[] }) {
  const units = unitsByFeature(features);
  const sum = scoreArithmetic(reasons);
  const offences = offencesByProbability(reasons.offences);
  const widest = Math.max(...reasons.contributions.map((c) => Math.abs(c.contribution)), 0.01);
  return (
    <>
      {reasons.rules.length > 0 && (
        <>
          <h3>Indicator rules that fired</h3>
          <ul class="rules">
            {reasons.rules.map((r) => (
              <li key={r.id}>
                {sentence(r.reason)}{' '}
                <span class="muted">
                  (rule <code>{r.id}</code>, pattern {words(r.pattern)}, weight{' '}
                  {formatSigned(r.weight)}
                  {r.offences.length > 0 && `, ${r.offences.map((o) => words(o)).join(', ')}`})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>What moved the model ({reasons.model})</h3>
      {reasons.contributions.length === 0 ? (
        <Empty>No input moved the score away from the baseline.</Empty>
      ) : (
        <table class="contributions">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th class="num" scope="col">
                Value
              </th>
              <th class="num" scope="col" title="Added to the log-odds">
                Contribution
              </th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {reasons.contributions.map((c) => (
              <tr key={c.input} data-testid="contribution">
                <td>
                  {sentence(c.description)} <code class="muted">{c.input}</code>
                </td>
                <td class="num">{formatValue(c.value, units.get(c.input))}</td>
                <td class="num">{formatSigned(c.contribution)}</td>
                <td class="bar-cell" aria-hidden="true">
                  <span
                    class={c.contribution >= 0 ? 'bar up' : 'bar down'}
                    style={{ width: `${(Math.abs(c.contribution) / widest) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>All other inputs together</td>
              <td />
              <td class="num">{formatSigned(reasons.otherContributions)}</td>
              <td />
            </tr>
            <tr>
              <td>Baseline (the model’s intercept)</td>
              <td />
              <td class="num">{formatSigned(reasons.intercept)}</td>
              <td />
            </tr>
            <tr class="total">
              <td>Log-odds, and the model’s probability</td>
              <td class="num">{formatScore(reasons.probability)}</td>
              <td class="num">{formatSigned(sum.logOdds)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {Math.abs(sum.gap) > 0.01 && (
        <p class="muted">
          These lines add up to {formatSigned(sum.logOdds + sum.gap)}, not the stored log-odds: the
          reasons were written by another version of the scoring.
        </p>
      )}
      {offences.length > 0 && (
        <>
          <h3>Probability per offence</h3>
          <ul class="offences">
            {offences.map(([offence, p]) => (
              <li key={offence}>
                {capitalised(offence)}: <strong>{formatScore(p)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {reasons.evidence.length > 0 && (
        <>
          <h3>Network evidence</h3>
          <ul class="evidence">
            {reasons.evidence.map((e, i) => (
              <li key={`${e.feature}-${i}`}>
                {sentence(e.text)}{' '}
                {e.entities.map((x) => {
                  // The text names every node; those with a page of their own get a link.
                  const href = entityPath(x.type, x.id);
                  return (
                    href && (
                      <Link key={`${x.type}:${x.id}`} href={href} class="chip">
                        {x.id}
                      </Link>
                    )
                  );
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
