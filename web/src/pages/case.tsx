// One case: the risk snapshot that chose it, the entities it concerns (to their pages and to
// the network), its history (who did what when), comments and measures, the moves the user may
// make, the close form, the outcome once closed, and the webhook deliveries for supervisors.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { CaseDeliveries } from '../cases/case-deliveries.js';
import { CaseEntities } from '../cases/case-entities.js';
import { CommentForm, Measures } from '../cases/case-forms.js';
import { CaseHistory } from '../cases/case-history.js';
import { isManager, moveNames, moveRequest, movesFor, type Move } from '../cases/case-moves.js';
import { CaseOutcome } from '../cases/case-outcome.js';
import { modelName, words, type CaseDetail } from '../cases/case-types.js';
import { ChangeError, CloseCaseForm, StatusBadge } from '../cases/case-ui.js';
import { dateTime, fixed } from '../cases/format.js';
import { Link } from '../router.js';
import { caseWorkerRoles, useMe, type Me } from '../session.js';
import { BandBadge } from '../ui/band.js';
import { Fact } from '../ui/fact.js';
import { ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import './cases.css';

export function CasePage({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const id = params.id ?? '';
  if (!caseWorkerRoles.includes(me.role)) {
    return (
      <section>
        <h1>Case {id}</h1>
        <p>Cases are for case workers: investigators, the internal-fraud unit and supervisors.</p>
      </section>
    );
  }
  return <CaseView id={id} me={me} />;
}

function CaseView({ id, me }: { id: string; me: Me }) {
  const loaded = useApi((signal) => api.get<CaseDetail>(`/cases/${id}`, { signal }), [id]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <Loading what={`case ${id}`} />;
  const c = loaded.data;
  const reload = () => {
    setFailure(null);
    loaded.reload();
  };

  const move = async (m: Exclude<Move, 'close'>) => {
    setBusy(true);
    setFailure(null);
    try {
      const { path, body } = moveRequest(c, m);
      await api.post<CaseDetail>(path, body);
      loaded.reload();
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setBusy(false);
    }
  };
  const moves = movesFor(c, me);

  return (
    <section class="case-page">
      <p class="muted">
        <Link href="/cases">← Cases</Link>
      </p>
      <h1>
        Case {c.id}: {c.title}
      </h1>
      <dl class="facts panel">
        <Fact name="Status">
          <StatusBadge status={c.status} /> <span class="muted">version {c.version}</span>
        </Fact>
        <Fact name="Assignee">{c.assignee ?? 'nobody'}</Fact>
        <Fact name="Band when opened">
          <BandBadge band={c.band} />
        </Fact>
        <Fact name="Score when opened">{fixed(c.score)}</Fact>
        <Fact name="Model version">{modelName(c.modelVersion)}</Fact>
        <Fact name="Origin">{words(c.origin)}</Fact>
        <Fact name={c.status === 'closed' ? 'Offence' : 'Offence suspected'}>
          {c.offence ? words(c.offence) : '—'}
        </Fact>
        <Fact name="Opened">
          {dateTime(c.createdAt)} by {c.createdBy}
        </Fact>
        <Fact name="Sector, region">
          {c.sector ?? '—'}, {c.region ?? '—'}
        </Fact>
        {c.communityId && <Fact name="Community">{c.communityId}</Fact>}
      </dl>
      {c.note && <p class="case-note">{c.note}</p>}

      {moves.length > 0 && (
        <div class="moves">
          {moves.map((m) => (
            <button
              key={m}
              type="button"
              class={m === 'release' ? 'secondary' : undefined}
              disabled={busy || (m === 'close' && closing)}
              onClick={() => (m === 'close' ? setClosing(true) : void move(m))}
            >
              {moveNames[m]}
            </button>
          ))}
        </div>
      )}
      {failure && <ChangeError error={failure} what={`case ${c.id}`} onReload={reload} />}
      {closing && c.status === 'in_progress' && (
        <CloseCaseForm
          detail={c}
          onClosed={() => {
            setClosing(false);
            loaded.reload();
          }}
          onCancel={() => setClosing(false)}
          onReload={reload}
        />
      )}
      {c.status === 'closed' && <CaseOutcome c={c} />}

      <div class="columns">
        <div>
          <CaseEntities c={c} />
          <CaseHistory events={c.events} />
        </div>
        <div>
          {c.status !== 'closed' && <CommentForm id={c.id} onAdded={loaded.reload} />}
          <Measures c={c} onAdded={loaded.reload} />
          {isManager(me) && <CaseDeliveries id={c.id} version={c.version} />}
        </div>
      </div>
    </section>
  );
}
