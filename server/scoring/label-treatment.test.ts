// What training does with labels the model chose (label-treatment.ts): they get a training-only
// origin indicator and a weight chosen by cross-validation on the other labels; nothing of it
// reaches the stored inputs, the scores or their reasons, and without such labels the fit is
// exactly the untreated one.
import { describe, expect, it } from 'vitest';
import type { CandidateInput } from './design.js';
import { fitModel } from './fit-model.js';
import {
  caseLabelSummary,
  isModelChosen,
  labelTreatment,
  MODEL_CHOSEN_INDICATOR,
  noTreatment,
} from './label-treatment.js';
import { sigmoid } from './logistic-regression.js';
import { explain } from './model.js';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * 800 loaded labels and 200 the model chose at the top of input a, whose outcomes run 2 log-odds
 * below the loaded ones' at the same inputs (a selection shift the indicator should absorb).
 */
function data() {
  const rand = lcg(17);
  const n = 1000;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const y = new Uint8Array(n);
  const labels = Array.from({ length: n }, (_, i) => {
    const chosen = i >= 800;
    a[i] = chosen ? 0.5 + 1.5 * rand() : rand() * 2 - 1;
    b[i] = rand() * 2 - 1;
    y[i] = rand() < sigmoid(-0.5 + 1.5 * a[i] - b[i] - (chosen ? 2 : 0)) ? 1 : 0;
    return {
      origin: chosen ? 'risk_model' : i % 10 === 0 ? 'random_audit' : 'complaint',
      caseId: chosen || i % 50 === 0 ? `K${i}` : null,
    };
  });
  const candidates: CandidateInput[] = [
    { name: 'i_a', kind: 'intrinsic', transform: 'identity', raw: a },
    { name: 'f_b', kind: 'network', transform: 'identity', raw: b },
  ];
  const rows = Array.from({ length: n }, (_, i) => i);
  return { labels, candidates, rows, y };
}
const fitOptions = { l2Grid: [0.01, 0.1, 1], folds: 5, seed: 42 };

describe('label treatment', () => {
  it('sets apart only closed cases the model opened', () => {
    expect(isModelChosen({ origin: 'risk_model', caseId: 'K1' })).toBe(true);
    expect(isModelChosen({ origin: 'risk_model', caseId: null })).toBe(false); // loaded
    expect(isModelChosen({ origin: 'random_audit', caseId: 'K2' })).toBe(false); // control group
    expect(isModelChosen({ origin: 'complaint', caseId: 'K3' })).toBe(false);
    expect(labelTreatment([{ origin: 'complaint', caseId: null }])).toBe(noTreatment);
    // only model-chosen labels: nothing to compare them with
    expect(labelTreatment([{ origin: 'risk_model', caseId: 'K1' }])).toBe(noTreatment);
  });

  it('fits the indicator and a weight, and keeps both out of the inputs, scores and reasons', () => {
    const { labels, candidates, rows, y } = data();
    const treatment = labelTreatment(labels);
    expect(Array.from(treatment.modelChosen!).filter(Boolean)).toHaveLength(200);
    const fitted = fitModel(candidates, rows, y, fitOptions, treatment);
    // the shift is found, with the sign it was planted with
    expect(fitted.indicatorCoefficient).toBeLessThan(-1);
    expect(treatment.weights).toContain(fitted.modelChosenWeight);
    expect(fitted.crossValidation).toHaveLength(fitOptions.l2Grid.length * 4);
    expect(fitted.inputs.map((s) => s.name)).toEqual(['i_a', 'f_b']);
    expect(fitted.coefficients).toHaveLength(2);
    // a score is the intercept plus one contribution per input: no room for the indicator
    const e = explain(fitted, (name) => (name === 'i_a' ? 2 : 0.5));
    expect(e.contributions.map((c) => c.input)).toEqual(['i_a', 'f_b']);
    expect(e.contributions.some((c) => c.input === MODEL_CHOSEN_INDICATOR)).toBe(false);
    expect(e.logOdds).toBeCloseTo(
      e.intercept + e.contributions.reduce((s, c) => s + c.contribution, 0),
      12,
    );
    // deterministic: the same data and seed give the same model
    const again = fitModel(candidates, rows, y, fitOptions, labelTreatment(labels));
    expect(again).toEqual(fitted);
    const summary = caseLabelSummary(labels, treatment, fitted);
    expect(summary.modelChosen).toBe(200);
    expect(summary.byOrigin.risk_model).toEqual({ labels: 200, fromCases: 200 });
    expect(summary.byOrigin.random_audit).toEqual({ labels: 80, fromCases: 16 });
    expect(summary.indicator?.name).toBe(MODEL_CHOSEN_INDICATOR);
  });

  it('keeps the scale of the loaded labels where the untreated fit is pulled down', () => {
    const { labels, candidates, rows, y } = data();
    const treated = fitModel(candidates, rows, y, fitOptions, labelTreatment(labels));
    const plain = fitModel(candidates, rows, y, fitOptions);
    // planted: log-odds −0.5 + 1.5 a − b for the loaded labels; at a = 1.5, b = 0 that is 1.75
    const logOdds = (m: typeof plain) => explain(m, (n) => (n === 'i_a' ? 1.5 : 0)).logOdds;
    expect(Math.abs(logOdds(treated) - 1.75)).toBeLessThan(Math.abs(logOdds(plain) - 1.75));
  });

  it('changes nothing without model-chosen labels', () => {
    const { labels, candidates, rows, y } = data();
    const loaded = labels.slice(0, 800);
    const r = rows.slice(0, 800);
    const yy = y.slice(0, 800);
    const treatment = labelTreatment(loaded);
    expect(treatment).toBe(noTreatment);
    const fitted = fitModel(candidates, r, yy, fitOptions, treatment);
    expect(fitted).toEqual(fitModel(candidates, r, yy, fitOptions));
    expect(fitted.indicatorCoefficient).toBeNull();
    expect(fitted.modelChosenWeight).toBeNull();
    expect(fitted.crossValidation?.every((c) => c.modelChosenWeight === undefined)).toBe(true);
  });
});
