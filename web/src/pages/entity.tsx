// One employer, person or official: the score and band, the reasons in plain words with the
// numbers behind them, the network features with what they mean, a timeline of jobs,
// directorships, claims, residences and bankruptcies, past inspections and cases; from here an
// investigator opens the network or a case. Protected attributes are never shown.
import './entity.css';
import { api, ApiError } from '../api.js';
import { Link } from '../router.js';
import { caseWorkerRoles, staffRoles, useMe } from '../session.js';
import { BandBadge } from '../ui/band.js';
import { ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import { EntityActions } from '../entity/entity-actions.js';
import { FeaturesSection } from '../entity/features.js';
import { CasesSection, InspectionsSection } from '../entity/inspections-and-cases.js';
import { PropertiesSection } from '../entity/properties.js';
import { WhySection } from '../entity/reasons.js';
import { TimelineSection } from '../entity/timeline.js';
import { capitalised, formatCount, formatInstant, formatScore, words } from '../rankings/format.js';
import type { EntityDetail } from '../rankings/types.js';

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
      <EntityActions entity={entity} canOpenCases={caseWorkerRoles.includes(me.role)} />
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
          {/* Keyed: another entity's page starts without this one's older events. */}
          <TimelineSection key={`${entity.type}/${entity.id}`} entity={entity} />
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
