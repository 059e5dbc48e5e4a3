// What training does with labels the model chose itself (issue #8, the feedback loop).
//
// A closed case opened by the model (origin `risk_model`, case_id set) is a label of an entity
// the model ranked at the top. Such labels differ from the loaded ones in how they were chosen:
// loaded inspections were mostly targeted by people (complaints, other services, prosecutors),
// who see what the data do not — the choice depends on the fraud itself, so P(confirmed | x) among
// them is inflated, as in case–control sampling. The model's own choices depend on x alone (the
// score), so their P(confirmed | x) is the population's, lower: on the demo about half of the 87
// red employers were confirmed, 0.81 log-odds below loaded labels with the same inputs. Fitting
// both as one sample — each such case replacing its entity's loaded label — drags the
// coefficients towards the top of the ranking and spoiled the fixed hold-out (AUC 0.816 → 0.744,
// Brier 0.117 → 0.163; README, "The feedback loop on the demo").
//
// The treatment (selection on observables with a known mechanism — Heckman 1979; Prentice & Pyke
// 1979 and King & Zeng 2001 for the case–control intercept shift; Lakkaraju et al. 2017, "The
// selective labels problem"; Ensign et al. 2018, "Runaway feedback loops in predictive policing";
// Sugiyama, Krauledat & Müller 2007 for importance-weighted cross-validation):
// - keep the loaded label: an entity the model sends back to inspection keeps its latest loaded
//   label beside the case's (holdout-split.ts); replacing it threw away the labels most like the
//   test set, and on the demo cost more than anything else;
// - an origin indicator: model-chosen labels get a training-only 0/1 column whose coefficient
//   absorbs the shift in log-odds their selection causes (−0.81 on the demo). It has its own weak
//   fixed penalty (finite even when every such label has the same outcome), not the
//   cross-validated one, and is then dropped: scoring holds it at 0 — scores stay on the scale of
//   the loaded inspections the hold-out measures — and it is not an input, so it never appears
//   in a contribution or a reason;
// - an importance weight below 1 for those labels, so that a month of top-of-the-ranking cases
//   does not outweigh the population the loaded labels describe: chosen with the penalty by
//   cross-validation whose held-out loss counts the other labels only (0.25 on the demo);
// - random-audit labels (the control group) were drawn at random: free of selection bias, they
//   count fully (weight 1, no indicator), as do cases people opened for their own reasons
//   (complaint, own_initiative, …), which are chosen like the loaded inspections.
// Measured on the demo (README, "The feedback loop on the demo"): the hold-out's losses shrink
// but do not vanish; the rest is within the noise of a 35-label test set.
import type { EntityLabel } from './labels.js';

/** The training-only column of model-chosen labels; never an input of a stored model. */
export const MODEL_CHOSEN_INDICATOR = 'selection_model_chosen';

/** The indicator's own L2 penalty: a weak N(0, 1) prior on the log-odds shift. */
export const INDICATOR_L2 = 1;

export interface CaseLabelOptions {
  /** Give model-chosen labels the origin indicator. */
  indicator: boolean;
  /** Sample weights of a model-chosen label tried by cross-validation (one value: fixed). */
  modelChosenWeights: readonly number[];
}

export const defaultCaseLabelOptions: CaseLabelOptions = {
  indicator: true,
  modelChosenWeights: [0.1, 0.25, 0.5, 1],
};

export interface LabelTreatment {
  /** 1 for a model-chosen label, per label in the labels' order; null when there is none. */
  modelChosen: Uint8Array | null;
  /** Fit the origin indicator for them. */
  indicator: boolean;
  /** Their sample weights to try. */
  weights: readonly number[];
}

export const noTreatment: LabelTreatment = { modelChosen: null, indicator: false, weights: [1] };

/** A label the model chose: a closed case opened from the ranking. */
export const isModelChosen = (l: Pick<EntityLabel, 'origin' | 'caseId'>): boolean =>
  l.caseId !== null && l.origin === 'risk_model';

export function labelTreatment(
  labels: readonly Pick<EntityLabel, 'origin' | 'caseId'>[],
  options: CaseLabelOptions = defaultCaseLabelOptions,
): LabelTreatment {
  const chosen = labels.map(isModelChosen);
  // Without labels of both kinds there is nothing to set apart (the indicator would be the
  // intercept, and no other label could measure a weight).
  if (!chosen.some(Boolean) || chosen.every(Boolean)) return noTreatment;
  return {
    modelChosen: Uint8Array.from(chosen, (c) => (c ? 1 : 0)),
    indicator: options.indicator,
    weights: options.modelChosenWeights,
  };
}

export interface CaseLabelSummary {
  /** Labels per origin, and how many of them came from closed cases. */
  byOrigin: Record<string, { labels: number; fromCases: number }>;
  /** Model-chosen labels (closed `risk_model` cases). */
  modelChosen: number;
  /** The weights tried for them and the one cross-validation chose (null: none to weigh). */
  modelChosenWeight: { tried: number[]; chosen: number } | null;
  /** The indicator's fitted log-odds shift (null when not used). */
  indicator: { name: string; coefficient: number } | null;
}

export function caseLabelSummary(
  labels: readonly Pick<EntityLabel, 'origin' | 'caseId'>[],
  treatment: LabelTreatment,
  fitted: { indicatorCoefficient: number | null; modelChosenWeight: number | null },
): CaseLabelSummary {
  const byOrigin: CaseLabelSummary['byOrigin'] = {};
  let modelChosen = 0;
  for (const l of labels) {
    const o = (byOrigin[l.origin] ??= { labels: 0, fromCases: 0 });
    o.labels++;
    if (l.caseId !== null) o.fromCases++;
    if (isModelChosen(l)) modelChosen++;
  }
  return {
    byOrigin,
    modelChosen,
    modelChosenWeight:
      fitted.modelChosenWeight === null
        ? null
        : { tried: [...treatment.weights], chosen: fitted.modelChosenWeight },
    indicator:
      fitted.indicatorCoefficient === null
        ? null
        : { name: MODEL_CHOSEN_INDICATOR, coefficient: fitted.indicatorCoefficient },
  };
}
