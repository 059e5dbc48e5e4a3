// Opens a case on entities or on a community: reads each entity's risk now (the snapshot the
// case keeps: score, band, reasons, model version), numbers the case, writes it with its first
// event and its webhook message in one transaction, then tops the control group up
// (control-group.ts). The primary entity — the one a list shows — is the highest score.
import type { Origin } from '../../contract/enums.js';
import type { Viewer } from '../auth/roles.js';
import { canSeeStaff } from '../auth/roles.js';
import type { Database, TransactionRun } from '../db/database.js';
import type { QueryRow } from '../db/queries.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { bands } from '../scoring/bands.js';
import type { EntityType } from '../views/entity-types.js';
import { parseInput } from '../views/parse-input.js';
import { toCaseSummary } from './case-rows.js';
import type { OutboxEvent } from './outbox/outbox-events.js';
import { outboxMessage } from './outbox/outbox-message.js';
import { readCase } from './read-case.js';
import {
  CreateCaseInputSchema,
  MAX_CASE_ENTITIES,
  type CreateCaseInput,
  type CreatedCases,
  type EntityRef,
} from './case-schema.js';
import { topUpControlGroup, type ControlOptions } from './control-group.js';

/** Creating a case may draw control cases: the control group's options (and the clock). */
export type CreateOptions = ControlOptions;

type Snapshot = QueryRow<'cases/entity-snapshots'>;

export async function createCase(
  db: Database,
  raw: CreateCaseInput,
  viewer: Viewer,
  options: CreateOptions,
): Promise<CreatedCases> {
  const input = parseInput(CreateCaseInputSchema, raw, 'cases');
  const notes: string[] = [];
  let refs: EntityRef[];
  if (input.communityId !== undefined) {
    const [row] = await db.read('cases/community-members', {
      communityId: input.communityId,
      hideStaff: !canSeeStaff(viewer),
      limit: MAX_CASE_ENTITIES,
    });
    if (!row || row.total === 0) {
      throw new NotFoundError(
        `cases: no community ${input.communityId} with members; check the id`,
      );
    }
    refs = row.members;
    if (row.total > refs.length) {
      notes.push(
        `community ${input.communityId} has ${row.total} members; the case concerns the ${refs.length} with the highest risk`,
      );
    }
  } else {
    refs = dedupe(input.entities ?? []);
  }
  if (!canSeeStaff(viewer) && refs.some((r) => r.type === 'staff')) {
    throw new ForbiddenError('cases: only the internal-fraud unit opens cases about officials');
  }
  const { id, subjectType } = await openCase(
    db,
    {
      refs,
      title: input.title,
      note: input.note,
      offence: input.offence,
      origin: input.origin,
      communityId: input.communityId,
    },
    viewer.username,
    options.now,
  );
  const drawn =
    input.origin === 'risk_model' ? await topUpControlGroup(db, subjectType, viewer, options) : 0;
  return { case: await readCase(db, id, viewer), controlCasesDrawn: drawn, notes };
}

export interface CaseSpec {
  refs: readonly EntityRef[];
  title?: string | undefined;
  note?: string | undefined;
  offence?: string | undefined;
  origin: Origin;
  communityId?: string | undefined;
}

/**
 * Writes a case for entities already vetted for the caller (refs) in one transaction: the
 * snapshots, the number, the case, its first event and its webhook message. Refuses a second
 * open case about one single entity.
 */
export async function openCase(
  db: Database,
  spec: CaseSpec,
  createdBy: string,
  now?: Date,
): Promise<{ id: string; subjectType: EntityType }> {
  const { refs } = spec;
  const at = (now ?? new Date()).toISOString();
  return db.transaction('WRITE', async (run) => {
    const found = await run('cases/entity-snapshots', { refs: [...refs] });
    const missing = refs.filter((r) => !found.some((f) => f.type === r.type && f.id === r.id));
    if (missing.length > 0) {
      throw new NotFoundError(
        `cases: no ${missing.map((m) => `${m.type} ${m.id}`).join(', ')}; check the ids`,
      );
    }
    const open = found.length === 1 ? found[0]!.openCases : [];
    if (open.length > 0) {
      throw new ConflictError(
        `cases: ${found[0]!.type} ${found[0]!.id} already has an open case (${open.join(', ')}); add to that case instead`,
        'already_open',
        { openCases: open },
      );
    }
    const primary = [...found].sort(byRisk)[0]!;
    const [counter] = await run('cases/next-id', {});
    const caseId = `K${String(counter!.n).padStart(8, '0')}`;
    const title =
      spec.title ??
      (spec.communityId !== undefined
        ? `Community ${spec.communityId}`
        : found.length === 1
          ? `${primary.type} ${primary.label}`
          : `${primary.type} ${primary.label} and ${found.length - 1} more`);
    await run('cases/create', {
      case: {
        id: caseId,
        title,
        note: spec.note ?? null,
        status: 'new',
        version: 1,
        origin: spec.origin,
        subject_type: primary.type,
        subject_id: primary.id,
        entity_count: found.length,
        has_staff: found.some((f) => f.type === 'staff'),
        band: highestBand(found),
        score: primary.score,
        model_version: primary.modelVersion,
        sector: primary.sector,
        region: primary.region,
        offence: spec.offence ?? null,
        community_id: spec.communityId ?? null,
        assignee: null,
        created_by: createdBy,
      },
      entities: found.map((f) => ({
        type: f.type,
        id: f.id,
        label: f.label,
        score: f.score,
        band: f.band,
        modelVersion: f.modelVersion,
        topReason: f.topReason,
        maskedTopReason: f.maskedTopReason,
        reasons: f.reasons,
      })),
      event: { kind: 'created', by: createdBy, to_status: 'new', text: spec.note ?? null },
      at,
    });
    await enqueueEvent(run, 'case.created', caseId, { at, by: createdBy });
    return { id: caseId, subjectType: primary.type };
  });
}

/**
 * Queues the webhook message announcing a case event, in the same transaction: the case as it
 * now is, its entities with their snapshots and, once closed, its inspections (a Standard
 * Webhooks body: outbox-message.ts).
 */
export async function enqueueEvent(
  run: TransactionRun,
  event: OutboxEvent,
  caseId: string,
  extra: { at: string; by: string } & Record<string, unknown>,
): Promise<void> {
  const [row] = await run('cases/detail', { id: caseId });
  if (!row) throw new Error(`cases: ${caseId} vanished inside its own transaction`);
  const data = {
    case: toCaseSummary(row.c),
    // The snapshots as they always were: the masked top reason is for our own roles to read.
    entities: row.entities.map(({ maskedTopReason: _masked, ...snapshot }) => snapshot),
    inspections: row.inspections,
    ...extra,
  };
  await run('cases/outbox-enqueue', outboxMessage(event, caseId, data, new Date(extra.at)));
}

function byRisk(a: Snapshot, b: Snapshot): number {
  return (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The most urgent band among the entities (bands are listed red first). */
function highestBand(found: readonly Snapshot[]): string | null {
  const present = new Set(found.map((f) => f.band));
  return bands.find((b) => present.has(b)) ?? null;
}

function dedupe(refs: readonly EntityRef[]): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const r of refs) seen.set(`${r.type}:${r.id}`, r);
  return [...seen.values()];
}
