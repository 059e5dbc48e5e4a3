// Live hit rates (issue #8): how the scores did once inspectors acted on them. Closing a case
// writes one inspection per concerned entity with the band and model version the entity had
// when the case was opened (snapshot_band, snapshot_model). Per area and model version, this
// counts those inspections per snapshot band, twice:
// - chosen by the model (origin risk_model): the precision of each band as it was used;
// - the random-audit control group (origin random_audit): entities drawn at random, whose
//   overall confirmed share is the base rate free of selection bias, and whose share per band
//   is each band's unbiased hit rate.
// A band's lift is its confirmed share over that base rate (same model version, hence the same
// period). Rates carry a Wilson 95 % interval; a rate on fewer than LIVE_INDICATIVE_BELOW
// inspections is marked indicative. Inspections of other origins (a case opened on a complaint)
// are counted apart and in neither group. Pure: the counts come from cypher/scoring/case-outcomes.
import { z } from 'zod';
import {
  BANDS,
  bandSchema,
  intervalSchema,
  proportionSchema,
  type Band,
} from './metric-schemas.js';
import { proportion } from './metrics.js';
import { AREAS, type Area } from './report-files.js';

/** Below this many closed inspections, a live rate is called indicative. */
export const LIVE_INDICATIVE_BELOW = 30;

/** The origins the live section compares. */
export const MODEL_ORIGIN = 'risk_model';
export const CONTROL_ORIGIN = 'random_audit';

const count = () => z.number().int().min(0);

export const liveBandSchema = z.object({
  band: bandSchema,
  closed: count(),
  confirmed: count(),
  rate: z.number().min(0).max(1).nullable(),
  interval: intervalSchema.nullable(),
  /** rate / the control group's overall rate of the same version; null when either is missing or 0. */
  lift: z.number().min(0).nullable(),
  /** Fewer than LIVE_INDICATIVE_BELOW closed: read the rate as indicative. */
  indicative: z.boolean(),
});
export type LiveBand = z.infer<typeof liveBandSchema>;

export const liveGroupSchema = z.object({
  /** Red, orange, green, blue. */
  bands: z.array(liveBandSchema).length(BANDS.length),
  /** Closed inspections of entities that had no band when the case was opened. */
  unbanded: count(),
  /** Every closed inspection of the group, banded or not. */
  overall: proportionSchema,
});
export type LiveGroup = z.infer<typeof liveGroupSchema>;

export const liveVersionSchema = z.object({
  /** The model version the entities were scored with when their cases opened; null = rules only. */
  modelVersion: z.string().nullable(),
  /** First and last closing date of the version's case inspections. */
  firstClosed: z.iso.date(),
  lastClosed: z.iso.date(),
  /** Origin risk_model: entities sent to the queue because of their score. */
  modelDriven: liveGroupSchema,
  /** Origin random_audit; its overall rate is the base rate free of selection bias. */
  controlGroup: liveGroupSchema,
  /** Case inspections of any other origin: in neither group. */
  otherOrigins: count(),
});
export type LiveVersion = z.infer<typeof liveVersionSchema>;

export const liveAreaSchema = z.object({
  area: z.enum(AREAS),
  /** Every closed case inspection of the area, whatever its origin. */
  closed: count(),
  /** One per model version, in the order their case inspections first closed. */
  versions: z.array(liveVersionSchema),
});
export type LiveArea = z.infer<typeof liveAreaSchema>;

/** One cell of the counts: closed case inspections of an area, origin, version and band. */
export interface CaseOutcomeCount {
  area: Area;
  origin: string;
  /** snapshot_model; null or 'rules' (what scoring writes without a model) = rules only. */
  model: string | null;
  /** snapshot_band; anything but a band name counts as unbanded. */
  band: string | null;
  closed: number;
  confirmed: number;
  firstClosed: string;
  lastClosed: string;
}

interface Tally {
  closed: Map<Band | null, number>;
  confirmed: Map<Band | null, number>;
}

const emptyTally = (): Tally => ({ closed: new Map(), confirmed: new Map() });
const isBand = (b: string | null): b is Band => (BANDS as readonly string[]).includes(b ?? '');

function add(t: Tally, band: Band | null, closed: number, confirmed: number): void {
  t.closed.set(band, (t.closed.get(band) ?? 0) + closed);
  t.confirmed.set(band, (t.confirmed.get(band) ?? 0) + confirmed);
}

function group(t: Tally, baseRate: number | null): LiveGroup {
  let n = 0;
  let hits = 0;
  for (const v of t.closed.values()) n += v;
  for (const v of t.confirmed.values()) hits += v;
  return {
    bands: BANDS.map((band): LiveBand => {
      const p = proportion(t.confirmed.get(band) ?? 0, t.closed.get(band) ?? 0);
      return {
        band,
        closed: p.n,
        confirmed: p.hits,
        rate: p.rate,
        interval: p.interval,
        lift: p.rate === null || !baseRate ? null : p.rate / baseRate,
        indicative: p.n < LIVE_INDICATIVE_BELOW,
      };
    }),
    unbanded: t.closed.get(null) ?? 0,
    overall: proportion(hits, n),
  };
}

/** The live section of every area (AREAS order), from the counts of closed case inspections. */
export function liveHitRates(counts: readonly CaseOutcomeCount[]): LiveArea[] {
  return AREAS.map((area) => {
    const versions = new Map<
      string,
      {
        model: string | null;
        first: string;
        last: string;
        driven: Tally;
        control: Tally;
        other: number;
      }
    >();
    let closed = 0;
    for (const c of counts) {
      if (c.area !== area) continue;
      closed += c.closed;
      const model = c.model === null || c.model === 'rules' ? null : c.model;
      const key = model ?? '';
      let v = versions.get(key);
      if (!v) {
        v = {
          model,
          first: c.firstClosed,
          last: c.lastClosed,
          driven: emptyTally(),
          control: emptyTally(),
          other: 0,
        };
        versions.set(key, v);
      }
      if (c.firstClosed < v.first) v.first = c.firstClosed;
      if (c.lastClosed > v.last) v.last = c.lastClosed;
      const band = isBand(c.band) ? c.band : null;
      if (c.origin === MODEL_ORIGIN) add(v.driven, band, c.closed, c.confirmed);
      else if (c.origin === CONTROL_ORIGIN) add(v.control, band, c.closed, c.confirmed);
      else v.other += c.closed;
    }
    const ordered = [...versions.values()].sort(
      (a, b) => a.first.localeCompare(b.first) || (a.model ?? '').localeCompare(b.model ?? ''),
    );
    return {
      area,
      closed,
      versions: ordered.map((v): LiveVersion => {
        const controlGroup = group(v.control, null);
        const baseRate = controlGroup.overall.rate;
        return {
          modelVersion: v.model,
          firstClosed: v.first,
          lastClosed: v.last,
          modelDriven: group(v.driven, baseRate),
          controlGroup: group(v.control, baseRate),
          otherOrigins: v.other,
        };
      }),
    };
  });
}

/** The version a chart shows: the one whose case inspections closed last (null: none closed). */
export function latestLiveVersion(area: LiveArea): LiveVersion | null {
  let latest: LiveVersion | null = null;
  for (const v of area.versions) if (!latest || v.lastClosed >= latest.lastClosed) latest = v;
  return latest;
}

/** "rules only" for a null version, else the version. */
export function liveVersionName(v: LiveVersion): string {
  return v.modelVersion ?? 'rules only';
}
