// Hub detection: nodes whose degree is far above the distribution of their own kind
// (domiciliation addresses, payroll bureaus' accounts and contacts, very large employers).
//
// Method: the modified z-score of Iglewicz and Hoaglin ("How to Detect and Handle Outliers",
// ASQC 1993) on log(1 + degree), per label: z = 0.6745 (x - median) / MAD, with the mean
// absolute deviation (scaled by 1.2533) standing in when the MAD is 0, as it is when most nodes
// of a kind have the same degree. A node is a hub when z ≥ `threshold` (3.5, their
// recommendation) and its degree ≥ `minDegree`, so that in a small or uniform graph a node with
// a handful of links is never a hub. Degrees are taken on the log scale because degree
// distributions are heavy-tailed: on the raw scale every big employer would be an outlier.
//
// Each algorithm then keeps, damps or cuts hubs as its spec says (projection-spec.ts).
import type { ProjectedLabel } from './link-kinds.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface HubOptions {
  /** Modified z-score above which a node is a hub (default 3.5). */
  threshold?: number;
  /** Smallest degree a hub can have (default 25). */
  minDegree?: number;
}

export interface HubReport {
  /** Links per node (all kinds). */
  degree: Uint32Array;
  /** Modified z-score of log(1 + degree) within the node's label. */
  z: Float64Array;
  hubs: Set<number>;
  /** Median degree per label: what damping brings a hub down to. */
  medianDegree: Map<ProjectedLabel, number>;
}

export function detectHubs(projected: ProjectedGraph, options: HubOptions = {}): HubReport {
  const threshold = options.threshold ?? 3.5;
  const minDegree = options.minDegree ?? 25;
  const degree = new Uint32Array(projected.order);
  projected.forEachLink((_kind, s, t) => {
    degree[s]!++;
    degree[t]!++;
  });
  const byLabel = new Map<ProjectedLabel, number[]>();
  projected.labels.forEach((label, i) => {
    let list = byLabel.get(label);
    if (!list) byLabel.set(label, (list = []));
    list.push(i);
  });
  const z = new Float64Array(projected.order);
  const hubs = new Set<number>();
  const medianDegree = new Map<ProjectedLabel, number>();
  for (const [label, nodes] of byLabel) {
    const logs = nodes.map((i) => Math.log1p(degree[i]!));
    const center = median(logs);
    medianDegree.set(label, Math.max(1, Math.round(Math.expm1(center))));
    const mad = median(logs.map((x) => Math.abs(x - center)));
    const meanAd = logs.reduce((sum, x) => sum + Math.abs(x - center), 0) / logs.length;
    const scale = mad > 0 ? mad / 0.6745 : meanAd * 1.253314;
    nodes.forEach((node, k) => {
      const score = scale > 0 ? (logs[k]! - center) / scale : 0;
      z[node] = score;
      if (score >= threshold && degree[node]! >= minDegree) hubs.add(node);
    });
  }
  return { degree, z, hubs, medianDegree };
}

/**
 * The damping of a hub's links (policy `damp` in projection-spec.ts): the median degree of its
 * label over its degree, so that the hub carries as much weight in total as a typical node of
 * its kind; 1 for a node that is not a hub.
 */
export function hubDamping(report: HubReport, label: ProjectedLabel, node: number): number {
  if (!report.hubs.has(node)) return 1;
  const typical = report.medianDegree.get(label) ?? 1;
  return Math.min(1, typical / Math.max(1, report.degree[node]!));
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
