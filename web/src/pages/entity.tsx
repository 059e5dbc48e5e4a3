// One employer, person or official: the score and band, the reasons in plain words with the
// numbers behind them, the network features with what they mean, a timeline of jobs,
// directorships, claims, residences and bankruptcies, past inspections and cases; from here an
// investigator opens the network or a case. Protected attributes are never shown.
import './entity.css';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { Link } from '../router.js';
import { caseWorkerRoles, staffRoles, useMe } from '../session.js';
import { BandBadge } from '../ui/band.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import {
  entityPath,
  networkPath,
  offencesByProbability,
  orderedTimeline,
  scoreArithmetic,
  timelineKinds,
  unitsByFeature,
} from '../entity/entity-view.js';
import {
  capitalised,
  formatCount,
  formatDate,
  formatEuros,
  formatInstant,
  formatPeriod,
  formatScore,
  formatSigned,
  formatValue,
  sentence,
  shownProperties,
  unitLabel,
  words,
} from '../rankings/format.js';
import type {
  CreatedCase,
  EntityDetail,
  EntityFeature,
  Reasons,
  TimelineEvent,
} from '../rankings/types.js';

const typeNames: Record<string, string> = {
  employer: 'Employer',
  person: 'Person',
  staff: 'Official',
};

export function EntityPage({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const type = params.type ?? '';
  const id = params.id ?? '';
  const hidden = type === 'staff' && !staffRoles.includes(me.role);
  const detail = useApi(
    (signal) =>
      hidden
        ? Promise.reject(new Error('hidden'))
        : api.get<EntityDetail>(`/entities/${encodeURIComponent(type)}/${encodeURIComponent(id)}`, {
            signal,
            purpose: 'entity page',
          }),
    [type, id, hidden],
  );

  if (hidden) {
    return (
      <section class="entity">
        <h1>Official {id}</h1>
        <div class="error" role="alert">
          <strong>Not available to your role.</strong> Officials’ pages are for the internal-fraud
          unit only.
        </div>
      </section>
    );
  }
  if (detail.error) return <EntityError type={type} id={id} error={detail.error} />;
  if (!detail.data) return <Loading what={`${typeNames[type]?.toLowerCase() ?? type} ${id}`} />;
  const entity = detail.data;
  // The timeline's own cut is said in the timeline.
  const notes = entity.notes.filter((n) => !n.startsWith('timeline:'));

  return (
    <section class="entity" aria-labelledby="entity-title">
      <p class="crumbs">
        <Link href="/">← Rankings</Link>
      </p>
      <header class="entity-head">
        <div>
          <h1 id="entity-title">{entity.label}</h1>
          <p class="muted">
            {typeNames[entity.type] ?? entity.type} <code>{entity.id}</code>
          </p>
        </div>
        <ScoreBox entity={entity} />
      </header>
      <Actions entity={entity} canOpenCases={caseWorkerRoles.includes(me.role)} />
      {notes.length > 0 && (
        <ul class="entity-notes muted">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div class="entity-grid">
        <div class="entity-main">
          <WhySection entity={entity} />
          <TimelineSection entity={entity} />
        </div>
        <aside class="entity-side">
          <PropertiesSection entity={entity} />
          <InspectionsSection entity={entity} />
          <CasesSection entity={entity} />
        </aside>
      </div>
      <FeaturesSection features={entity.features} run={entity.featuresRun} />
    </section>
  );
}

/** A titled panel of the page (its heading labels it). */
function Panel(props: { id: string; title: string; testid?: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${props.id}-title`} data-testid={props.testid}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function EntityError({ type, id, error }: { type: string; id: string; error: Error }) {
  const status = error instanceof ApiError ? error.status : 0;
  const what = `${typeNames[type] ?? capitalised(type)} ${id}`;
  return (
    <section class="entity">
      <p class="crumbs">
        <Link href="/">← Rankings</Link>
      </p>
      <h1>{what}</h1>
      {status === 404 ? (
        <div class="error" role="alert">
          <strong>Not found.</strong> There is no {words(type)} with the id <code>{id}</code>; check
          the id.
        </div>
      ) : status === 403 ? (
        <div class="error" role="alert">
          <strong>Not available to your role.</strong> {error.message}
        </div>
      ) : (
        <ErrorMessage error={error} />
      )}
    </section>
  );
}

function ScoreBox({ entity }: { entity: EntityDetail }) {
  const score = entity.score;
  if (!score) {
    return (
      <div class="score-box" data-testid="score">
        <BandBadge band={null} />
        <p class="muted">Not scored yet.</p>
      </div>
    );
  }
  return (
    <div class="score-box" data-testid="score">
      <div class="score-figure">
        <span class="score-number">{formatScore(score.score)}</span>
        <BandBadge band={score.band} />
      </div>
      <p class="muted">
        {score.rank !== null && (
          <>
            Rank {formatCount(score.rank)}
            {score.scope && score.scope !== 'all' ? ` in ${words(score.scope)}` : ''}.{' '}
          </>
        )}
        {score.model && <>Model {score.model}. </>}
        {score.at && <>Scored {formatInstant(score.at)}.</>}
      </p>
    </div>
  );
}

function Actions({ entity, canOpenCases }: { entity: EntityDetail; canOpenCases: boolean }) {
  return (
    <div class="entity-actions">
      <Link class="button-link" href={networkPath(entity.type, entity.id)}>
        Open network
      </Link>
      {canOpenCases ? (
        <CreateCase entity={entity} />
      ) : (
        <span class="muted">Cases are opened by investigators and supervisors.</span>
      )}
    </div>
  );
}

function CreateCase({ entity }: { entity: EntityDetail }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const openCases = entity.cases.filter((c) => c.status !== 'closed');

  if (created) {
    return (
      <p class="case-created" role="status" data-testid="case-created">
        Case <Link href={`/cases/${encodeURIComponent(created.case.id)}`}>{created.case.id}</Link>{' '}
        opened: {created.case.title}.
        {created.controlCasesDrawn > 0 &&
          ` ${formatCount(created.controlCasesDrawn)} control-group case(s) were drawn alongside.`}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Create case
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<CreatedCase>('/cases', {
        entities: [{ type: entity.type, id: entity.id }],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setCreated(answer);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  const already =
    error instanceof ApiError && Array.isArray(error.current?.openCases)
      ? (error.current.openCases as unknown[]).map(String)
      : [];
  return (
    <form class="panel create-case" onSubmit={(e) => void submit(e)} aria-label="Create a case">
      <label>
        Note for the case (why look, what to check)
        <textarea
          name="note"
          rows={3}
          maxLength={4000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {openCases.length > 0 && (
        <p class="muted">
          Already open: {openCases.map((c) => c.id).join(', ')}. A new case is refused while one is
          open.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {already.length > 0 && (
        <p>
          Open case:{' '}
          {already.map((id) => (
            <Link key={id} href={`/cases/${encodeURIComponent(id)}`}>
              {id}{' '}
            </Link>
          ))}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Opening…' : 'Open the case'}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function WhySection({ entity }: { entity: EntityDetail }) {
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

function TimelineSection({ entity }: { entity: EntityDetail }) {
  const [newestFirst, setNewestFirst] = useState(false);
  const [kind, setKind] = useState('');
  const kinds = timelineKinds(entity.timeline);
  const events = orderedTimeline(
    entity.timeline.filter((e) => kind === '' || e.kind === kind),
    newestFirst,
  );
  return (
    <section class="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <div class="section-head">
        <h2 id="timeline-title">Timeline</h2>
        <label>
          Show
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">All events ({formatCount(entity.timeline.length)})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {capitalised(k)} ({formatCount(entity.timeline.filter((e) => e.kind === k).length)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={(e) => setNewestFirst(e.currentTarget.value === 'newest')}
          >
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
      </div>
      {entity.timelineTruncated.length > 0 && (
        <p class="muted">
          Long histories are cut:{' '}
          {entity.timelineTruncated
            .map(
              (t) => `${formatCount(t.shown)} most recent of ${formatCount(t.total)} ${t.relation}`,
            )
            .join('; ')}
          .
        </p>
      )}
      {events.length === 0 ? (
        <Empty>Nothing dated is known about this entity.</Empty>
      ) : (
        <ol class="timeline">
          {events.map((e, i) => (
            <TimelineItem key={`${e.kind}-${e.date}-${i}`} event={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Events that happen on a day rather than last: no "since". */
const pointKinds = new Set(['founded', 'ceased']);

function TimelineItem({ event }: { event: TimelineEvent }) {
  const other = event.other;
  const href = other ? entityPath(other.type, other.id) : null;
  return (
    <li class={`event event-${event.kind}`} data-testid="timeline-event">
      <span class="when">
        {pointKinds.has(event.kind)
          ? formatDate(event.date)
          : formatPeriod(event.date, event.endDate)}
      </span>
      <span class="kind">{capitalised(event.kind)}</span>
      <span class="what">
        {event.summary}
        {href && other && (
          <>
            {' '}
            <Link href={href} class="chip" aria-label={`Open ${other.label}`}>
              open
            </Link>
          </>
        )}
      </span>
    </li>
  );
}

function PropertiesSection({ entity }: { entity: EntityDetail }) {
  const properties = shownProperties(entity.properties).filter(
    ([name, value]) => name !== 'name' && value !== null,
  );
  return (
    <Panel id="properties" title="Registered facts">
      <dl class="facts" data-testid="properties">
        {properties.map(([name, value]) => (
          <div key={name}>
            <dt>{capitalised(name)}</dt>
            <dd>
              {name.endsWith('_eur') && typeof value === 'number'
                ? formatEuros(value)
                : /_on$/.test(name)
                  ? formatDate(String(value))
                  : formatValue(value, name === 'sector' ? 'id' : null)}
            </dd>
          </div>
        ))}
        {entity.person && (
          <div>
            <dt>Is the person</dt>
            <dd>
              <Link href={entityPath('person', entity.person.id) ?? '/'}>
                {entity.person.label}
              </Link>
            </dd>
          </div>
        )}
        {entity.staff.length > 0 && (
          <div>
            <dt>Works for the agency as</dt>
            <dd>
              {entity.staff.map((s) => (
                <Link key={s.id} href={entityPath('staff', s.id) ?? '/'}>
                  {s.label}{' '}
                </Link>
              ))}
            </dd>
          </div>
        )}
        {entity.claimsProcessed !== null && (
          <div>
            <dt>Claims processed</dt>
            <dd>{formatCount(entity.claimsProcessed)}</dd>
          </div>
        )}
      </dl>
    </Panel>
  );
}

function InspectionsSection({ entity }: { entity: EntityDetail }) {
  return (
    <Panel id="inspections" title="Past inspections" testid="inspections">
      {entity.inspections.length === 0 ? (
        <Empty>Never inspected.</Empty>
      ) : (
        <ul class="plain">
          {entity.inspections.map((i) => (
            <li key={i.id}>
              <strong>{capitalised(i.outcome) || 'Open'}</strong>
              {i.offence && i.offence !== 'none' ? `: ${words(i.offence)}` : ''}{' '}
              <span class="muted">
                ({formatPeriod(i.openedOn, i.closedOn)}, {words(i.origin) || 'origin unknown'}
                {i.recoveredEur ? `, ${formatEuros(i.recoveredEur)} recovered` : ''}){' '}
                <code>{i.id}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function CasesSection({ entity }: { entity: EntityDetail }) {
  return (
    <Panel id="cases" title="Cases" testid="cases">
      {entity.cases.length === 0 ? (
        <Empty>No case about this entity.</Empty>
      ) : (
        <ul class="plain">
          {entity.cases.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.id}</Link> {c.title ?? ''}{' '}
              <span class="status-word">{words(c.status)}</span>
              {c.createdAt && <span class="muted"> opened {formatDate(c.createdAt)}</span>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function FeaturesSection(props: { features: EntityFeature[]; run: EntityDetail['featuresRun'] }) {
  return (
    <Panel id="features" title="Network features" testid="features">
      {props.run?.at && (
        <p class="muted">
          Computed {formatInstant(props.run.at)}
          {props.run.run ? ` by run ${props.run.run}` : ''}.
        </p>
      )}
      {props.features.length === 0 ? (
        <Empty>No network features: the analysis has not run on this entity.</Empty>
      ) : (
        <table class="features">
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th class="num" scope="col">
                Value
              </th>
              <th scope="col">Unit</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {props.features.map((f) => (
              <tr key={f.name}>
                <td>
                  <code>{f.name}</code>
                </td>
                <td class="num">{formatValue(f.value, f.unit)}</td>
                <td class="muted">{unitLabel(f.unit)}</td>
                <td>{f.description ?? <span class="muted">not described</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
