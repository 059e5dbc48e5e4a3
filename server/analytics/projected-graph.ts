// The projection held in memory between Neo4j and the algorithms: node keys with the few
// attributes the algorithms need, and every link as a row of typed arrays (source, target,
// kind, start and end day). Compact on purpose: a million-person data set has several million
// links, and each algorithm builds the graphology graph it needs from this store
// (build-graph.ts), then drops it.
import { linkKindNames, nodeKey, type LinkKind, type ProjectedLabel } from './link-kinds.js';

export interface NodeFacts {
  /** Employer: status (active, bankrupt, liquidated, dormant). */
  status?: string;
  /** Employer: unpaid contributions at extraction. */
  debt?: number;
  /** Employer: day it ceased (days since 1970-01-01). */
  ceasedDay?: number;
  /** Employer: NACE code (never empty). */
  sector?: string;
  /** Days (since 1970-01-01) on which a confirmed-fraud inspection of this entity closed. */
  confirmedFraudDays?: number[];
  /** Address: a domiciliation address (company seats hosted as a service). */
  domiciliation?: boolean;
}

/** An employer that went bankrupt or into liquidation leaving contribution debt. */
export function failedWithDebt(facts: NodeFacts): boolean {
  return (facts.status === 'bankrupt' || facts.status === 'liquidated') && (facts.debt ?? 0) > 0;
}

/**
 * An entity with a confirmed-fraud inspection closed by the as-of day (or with no closing
 * day); the projection keeps only inspections that name an offence.
 */
export function hasConfirmedFraud(facts: NodeFacts, asOfDay: number): boolean {
  return facts.confirmedFraudDays?.some((day) => Number.isNaN(day) || day <= asOfDay) ?? false;
}

const kindIndex = new Map(linkKindNames.map((k, i) => [k, i]));

export class ProjectedGraph {
  readonly keys: string[] = [];
  readonly labels: ProjectedLabel[] = [];
  readonly facts = new Map<number, NodeFacts>();
  private readonly index = new Map<string, number>();

  private capacity = 1024;
  private size = 0;
  private src = new Int32Array(this.capacity);
  private dst = new Int32Array(this.capacity);
  private kinds = new Uint8Array(this.capacity);
  private starts = new Float64Array(this.capacity);
  private ends = new Float64Array(this.capacity);
  private released = false;

  get order(): number {
    return this.keys.length;
  }

  get linkCount(): number {
    return this.size;
  }

  /** The node's index, adding it when new. */
  node(label: ProjectedLabel, id: string): number {
    const key = nodeKey(label, id);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.index.set(key, i);
      this.keys.push(key);
      this.labels.push(label);
    }
    return i;
  }

  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  setFacts(node: number, facts: NodeFacts): void {
    this.facts.set(node, { ...this.facts.get(node), ...facts });
  }

  /** Adds a link; days are days since 1970-01-01, NaN when unknown (start) or open (end). */
  addLink(kind: LinkKind, source: number, target: number, startDay = NaN, endDay = NaN): void {
    if (this.released) throw new Error('analytics: the projection’s links were released');
    if (this.size === this.capacity) this.grow();
    const k = kindIndex.get(kind);
    if (k === undefined) throw new Error(`analytics: unknown link kind ${kind}`);
    this.src[this.size] = source;
    this.dst[this.size] = target;
    this.kinds[this.size] = k;
    this.starts[this.size] = startDay;
    this.ends[this.size] = endDay;
    this.size++;
  }

  /** Fits the link arrays to the links (they grow by doubling while the projection reads). */
  trim(): void {
    this.capacity = Math.max(1, this.size);
    const fit = <T extends Int32Array | Uint8Array | Float64Array>(array: T) =>
      array.slice(0, this.capacity) as T;
    this.src = fit(this.src);
    this.dst = fit(this.dst);
    this.kinds = fit(this.kinds);
    this.starts = fit(this.starts);
    this.ends = fit(this.ends);
  }

  /**
   * Lets go of the links once every algorithm has read them (some 25 bytes each: 280 MB at
   * 11 M links); the nodes stay, for the write-back. Reading the links after that throws.
   */
  releaseLinks(): void {
    this.released = true;
    this.src = new Int32Array(0);
    this.dst = new Int32Array(0);
    this.kinds = new Uint8Array(0);
    this.starts = new Float64Array(0);
    this.ends = new Float64Array(0);
  }

  forEachLink(
    callback: (
      kind: LinkKind,
      source: number,
      target: number,
      startDay: number,
      endDay: number,
    ) => void,
  ): void {
    if (this.released) throw new Error('analytics: the projection’s links were released');
    for (let i = 0; i < this.size; i++) {
      callback(
        linkKindNames[this.kinds[i]!]!,
        this.src[i]!,
        this.dst[i]!,
        this.starts[i]!,
        this.ends[i]!,
      );
    }
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(
      old: T,
      make: new (n: number) => T,
    ) => {
      const next = new make(this.capacity);
      next.set(old);
      return next;
    };
    this.src = grow(this.src, Int32Array);
    this.dst = grow(this.dst, Int32Array);
    this.kinds = grow(this.kinds, Uint8Array);
    this.starts = grow(this.starts, Float64Array);
    this.ends = grow(this.ends, Float64Array);
  }
}

/** Days since 1970-01-01 of an ISO date (`2024-03-31`), NaN for null or undefined. */
export function isoDay(value: string | null | undefined): number {
  if (value === null || value === undefined) return NaN;
  const ms = Date.parse(value.slice(0, 10));
  if (Number.isNaN(ms)) throw new Error(`analytics: "${value}" is not an ISO date`);
  return Math.floor(ms / 86_400_000);
}
