// Which reasons reveal an official, derived from the fields a rule or an input reads — never
// from a rule's id — and what a viewer who may not see officials gets of them.
import { describe, expect, it } from 'vitest';
import type { Reasons } from './reasons.js';
import { ruleReads } from './rules/evaluate-rule.js';
import type { Rule } from './rules/rule-schema.js';
import { maskedTopReason, maskReasons, revealsStaff } from './staff-revealing.js';

const rule = (when: Rule['when'], reason: string) => ({ when, reason });

describe('staff-revealing reasons', () => {
  it('finds the fields a rule reads in its condition, however deep, and in its reason', () => {
    const near = rule(
      {
        all: [
          { field: 'f_exposure', op: '>', value: 0 },
          { not: { field: 'f_staff_proximity', op: '>', value: 2 } },
        ],
      },
      'exposed and near',
    );
    expect(ruleReads(near)).toEqual(['f_exposure', 'f_staff_proximity']);
    expect(revealsStaff(ruleReads(near))).toBe(true);
    // A reason that prints a staff-revealing feature reveals it, whatever the condition reads.
    const prints = rule({ field: 'f_exposure', op: '>', value: 0 }, 'is {f_degree_is} official');
    expect(revealsStaff(ruleReads(prints))).toBe(true);
    expect(
      revealsStaff(ruleReads(rule({ field: 'f_exposure', op: '>', value: 0 }, '{f_exposure}'))),
    ).toBe(false);
  });

  it('leaves out staff-revealing rules, contributions and evidence, the arithmetic intact', () => {
    const hit = { offences: ['benefit_fraud'], pattern: 'p' };
    const reasons: Reasons = {
      model: 'rules',
      probability: 0.9,
      logOdds: 2.2,
      intercept: -3.9,
      contributions: [
        {
          input: 'r_any-name',
          description: 'd',
          value: 1,
          contribution: 3,
          reads: ['f_staff_proximity'],
        },
        {
          input: 'f_degree_is',
          description: 'd',
          value: 1,
          contribution: 1,
          reads: ['f_degree_is'],
        },
        {
          input: 'r_overlap',
          description: 'overlap',
          value: 1,
          contribution: 2,
          reads: ['f_claim_work_overlap_days'],
        },
      ],
      otherContributions: 0.1,
      rules: [
        {
          ...hit,
          id: 'any-name',
          weight: 3,
          reason: 'near the official',
          reads: ['f_staff_proximity'],
        },
        {
          ...hit,
          id: 'overlap',
          weight: 2,
          reason: 'worked on benefit',
          reads: ['f_claim_work_overlap_days'],
        },
      ],
      offences: {},
      evidence: [
        { feature: 'f_staff_proximity', text: 'path', entities: [{ type: 'claim', id: 'C1' }] },
        { feature: 'f_exposure', text: 'via an official', entities: [{ type: 'staff', id: 'S1' }] },
        { feature: 'f_exposure', text: 'exposed', entities: [{ type: 'employer', id: 'E1' }] },
      ],
    };
    const masked = maskReasons(reasons);
    expect(masked.rules.map((r) => r.id)).toEqual(['overlap']);
    expect(masked.contributions.map((c) => c.input)).toEqual(['r_overlap']);
    expect(masked.otherContributions).toBeCloseTo(4.1, 12);
    expect(masked.evidence.map((e) => e.text)).toEqual(['exposed']);
    const shown = masked.contributions.reduce((sum, c) => sum + c.contribution, 0);
    expect(masked.intercept + shown + masked.otherContributions).toBeCloseTo(masked.logOdds, 12);
    expect(maskedTopReason(reasons)).toBe('worked on benefit');
    expect(maskedTopReason({ ...reasons, rules: reasons.rules.slice(0, 1) })).toBe('overlap: 1');
  });

  it('masks reasons scored before their fields were recorded: rules left out, contributions by input', () => {
    const old: Reasons = {
      intercept: -2,
      contributions: [
        { input: 'f_staff_proximity', description: 'hops', value: 0, contribution: 1.5 },
        { input: 'f_exposure', description: 'exposure', value: 0.3, contribution: 0.5 },
      ],
      otherContributions: 0.1,
      rules: [{ id: 'any', reason: 'linked', offences: [], pattern: 'internal', weight: 2 }],
      offences: {},
      evidence: [],
    } as unknown as Reasons;
    const masked = maskReasons(old);
    expect(masked.rules).toEqual([]);
    expect(masked.contributions.map((c) => c.input)).toEqual(['f_exposure']);
    expect(masked.otherContributions).toBeCloseTo(1.6, 12);
  });
});
