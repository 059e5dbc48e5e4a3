// The model page: every stored version in a table (the active ones marked) with its training
// window, labels and hold-out metrics; for the version chosen (in the address), its inputs and
// coefficients, the live hit rate per band next to the control group, and its metrics against
// the other versions of the same model. Activating a version is a command, shown to analysts.
import { api } from '../api.js';
import { words } from '../cases/case-types.js';
import { day, dateTime, fixed, percent } from '../cases/format.js';
import { HitRateChart, MetricsChart } from '../models/charts.js';
import { sameModel } from '../models/model-charts.js';
import { areaNames, type ModelVersion, type Models } from '../models/model-types.js';
import { Link, useLocation } from '../router.js';
import { useMe } from '../session.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import './models.css';

/** +0.123 or −0.123 (a true minus); 0.000 without a sign when it rounds to nothing. */
const signed = (v: number) => {
  const text = fixed(Math.abs(v));
  return Number(text) === 0 ? text : `${v > 0 ? '+' : '−'}${text}`;
};
const versionHref = (v: string) => `/models?version=${encodeURIComponent(v)}`;

export function ModelsPage(_props: { params: Record<string, string> }) {
  const location = useLocation();
  const loaded = useApi((signal) => api.get<Models>('/models', { signal }), []);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <Loading what="model versions" />;
  const { models, rulesOnly, liveHidden } = loaded.data;
  const wanted = location.query.get('version');
  const chosen =
    models.find((m) => m.version === wanted) ?? models.find((m) => m.active) ?? models[0];

  return (
    <section class="models">
      <h1>Models</h1>
      {models.length === 0 ? (
        <Empty>No model has been trained yet: `ringwatch train` learns one per area.</Empty>
      ) : (
        <>
          <VersionTable models={models} chosen={chosen} />
          {chosen && <VersionDetail v={chosen} all={models} />}
        </>
      )}
      {rulesOnly.length > 0 && (
        <section aria-labelledby="rules-only-title">
          <h2 id="rules-only-title">Cases on entities scored by rules alone</h2>
          {rulesOnly.map((r) => (
            <div key={r.area} class="panel">
              <h3>{areaNames[r.area]}</h3>
              <HitRateChart live={r.live} id={`rules-${r.area}`} />
            </div>
          ))}
        </section>
      )}
      {liveHidden.length > 0 && (
        <p class="muted">
          Live hit rates of {liveHidden.map((a) => areaNames[a]).join(', ')} are for the
          internal-fraud unit only.
        </p>
      )}
    </section>
  );
}

function VersionTable({ models, chosen }: { models: ModelVersion[]; chosen?: ModelVersion }) {
  return (
    <div class="table-scroll">
      <table class="versions" data-testid="model-versions">
        <caption class="muted">
          Newest first. Metrics on each version’s later hold-out; precision at capacity is the share
          confirmed among hold-out entities in the red band.
        </caption>
        <thead>
          <tr>
            <th>Version</th>
            <th>Area</th>
            <th>Offence</th>
            <th>Active</th>
            <th>Created</th>
            <th>Training window</th>
            <th class="num">Labels (confirmed)</th>
            <th class="num">ROC AUC</th>
            <th class="num">PR AUC</th>
            <th class="num">Brier</th>
            <th class="num">Precision at capacity</th>
            <th>Hold-out</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const h = m.holdout?.full;
            return (
              <tr
                key={m.version}
                data-version={m.version}
                aria-current={m.version === chosen?.version ? 'true' : undefined}
              >
                <td>
                  <Link href={versionHref(m.version)}>{m.version}</Link>
                </td>
                <td>{areaNames[m.area]}</td>
                <td>{words(m.offence)}</td>
                <td>
                  {m.active ? (
                    <span class="active-badge">● active</span>
                  ) : (
                    <span class="muted">stored</span>
                  )}
                </td>
                <td>{dateTime(m.createdAt)}</td>
                <td>
                  {day(m.training.firstClosed)} – {day(m.training.lastClosed)}
                </td>
                <td class="num">
                  {m.training.labels} ({m.training.positives})
                </td>
                <td class="num">{fixed(h?.rocAuc)}</td>
                <td class="num">{fixed(h?.prAuc)}</td>
                <td class="num">{fixed(h?.brier)}</td>
                <td class="num">{percent(h?.redPrecision)}</td>
                <td>
                  {m.holdout
                    ? `${m.holdout.full.labels} labels after ${day(m.holdout.splitDate)}`
                    : 'none (too few labels)'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function VersionDetail({ v, all }: { v: ModelVersion; all: ModelVersion[] }) {
  const me = useMe();
  const siblings = sameModel(all, v);
  const h = v.holdout;
  const inputs = [...v.inputs].sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
  const largest = Math.max(1e-9, ...inputs.map((i) => Math.abs(i.coefficient)));
  const mayActivate = me.role === 'analyst' || me.role === 'admin';

  return (
    <section class="version-detail" aria-labelledby="version-title">
      <h2 id="version-title">
        {v.version} {v.active && <span class="active-badge">● active</span>}
      </h2>
      <p>
        {areaNames[v.area]}, {v.offence === 'any' ? 'any offence' : words(v.offence)}. Logistic
        regression (L2 λ = {v.l2}
        {v.converged ? '' : ', did not converge'}) on {v.inputs.length} standardised inputs,
        features as of {v.asOf}; trained on {v.training.labels} closed inspections (
        {v.training.positives} confirmed, {v.training.fromCases} from closed cases), closed{' '}
        {day(v.training.firstClosed)} to {day(v.training.lastClosed)}.
      </p>
      {!v.active && mayActivate && (
        <p class="activate">
          To score with this version, an analyst runs{' '}
          <code>npx ringwatch model activate {v.version}</code> (the explorer does not switch
          versions).
        </p>
      )}
      <div class="detail-grid">
        <section class="panel" aria-labelledby="live-title">
          <h3 id="live-title">Live hit rate per band</h3>
          {v.live ? (
            <>
              <p class="muted">
                Cases closed {day(v.live.firstClosed)} to {day(v.live.lastClosed)} on entities
                scored with this version.
              </p>
              <HitRateChart live={v.live} id="live-chart" />
            </>
          ) : (
            <Empty>No case on an entity scored with this version has been closed yet.</Empty>
          )}
        </section>
        <section class="panel" aria-labelledby="metrics-title">
          <h3 id="metrics-title">Across versions of this model</h3>
          <MetricsChart versions={siblings} id="metrics-chart" />
          {h && (
            <table class="compact">
              <caption>Hold-out of this version: with and without the network features</caption>
              <thead>
                <tr>
                  <th>Inputs</th>
                  <th class="num">ROC AUC (95 %)</th>
                  <th class="num">PR AUC</th>
                  <th class="num">Brier</th>
                  <th class="num">Precision at capacity</th>
                  <th class="num">Base rate</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['all', h.full],
                    ['intrinsic only', h.intrinsicOnly],
                  ] as const
                ).map(([name, m]) => (
                  <tr key={name}>
                    <td>{name}</td>
                    <td class="num">
                      {fixed(m.rocAuc)}
                      {m.rocAucInterval &&
                        ` (${fixed(m.rocAucInterval[0], 2)}–${fixed(m.rocAucInterval[1], 2)})`}
                    </td>
                    <td class="num">{fixed(m.prAuc)}</td>
                    <td class="num">{fixed(m.brier)}</td>
                    <td class="num">{percent(m.redPrecision)}</td>
                    <td class="num">{percent(m.baseRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section aria-labelledby="inputs-title">
        <h3 id="inputs-title">Inputs and coefficients</h3>
        <p class="muted">
          On standardised inputs, so sizes compare: a coefficient is what one standard deviation
          more of the input adds to the log-odds. Intercept {fixed(v.intercept)}.
          {v.dropped.length > 0 && ` Left out (constant in training): ${v.dropped.join(', ')}.`}
        </p>
        <table class="coefficients" data-testid="coefficients">
          <thead>
            <tr>
              <th>Input</th>
              <th>Kind</th>
              <th>Transform</th>
              <th class="num">Coefficient</th>
              <th>
                <span class="visually-hidden">Size</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((i) => (
              <tr key={i.name}>
                <td>
                  <code>{i.name}</code>
                </td>
                <td>{i.kind}</td>
                <td>{i.transform}</td>
                <td class="num">{signed(i.coefficient)}</td>
                <td class="bar-cell" aria-hidden="true">
                  <span
                    class={i.coefficient >= 0 ? 'bar up' : 'bar down'}
                    style={{ width: `${(Math.abs(i.coefficient) / largest) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {v.notes.length > 0 && (
        <ul class="notes">
          {v.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
