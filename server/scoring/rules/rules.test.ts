import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../fixtures/patterns.js';
import { loadRuleSet, parseRules } from './load-rules.js';
import { evaluateCondition, fireRules } from './evaluate-rule.js';
import { formatReason, formatValue } from './format-reason.js';

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: 'young-indebted',
  area: 'employer',
  offences: ['phoenix'],
  pattern: 'phoenix',
  when: {
    all: [
      { field: 'i_age_years', op: '<', value: 2 },
      { field: 'i_contribution_debt_eur', op: '>=', value: 10000 },
    ],
  },
  weight: 1,
  reason: '{i_age_years} years old with {i_contribution_debt_eur} of debt',
  ...overrides,
});

const file = (...rules: unknown[]) => JSON.stringify({ version: 1, rules });

describe('rule files', () => {
  it('loads a valid rule', () => {
    const [r] = parseRules(file(rule()), 'test.yaml');
    expect(r!.id).toBe('young-indebted');
  });

  it('refuses a whole file naming each bad rule and its problem', () => {
    const text = file(
      rule({ id: 'unknown-field', when: { field: 'f_nonsense', op: '>', value: 1 } }),
      rule({ id: 'protected', when: { field: 'nationality', op: '=', value: 'PT' } }),
      rule({ id: 'bad-op', when: { field: 'i_age_years', op: '>', value: 'old' } }),
      rule({ id: 'bad-placeholder', reason: 'age {i_nope}' }),
      rule({ id: 'bad-offence', offences: ['speeding'] }),
      rule({ id: 'young-indebted' }),
      rule({ id: 'young-indebted' }),
    );
    let message = '';
    try {
      parseRules(text, 'bad.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/rules file bad\.yaml has 6 problems/);
    expect(message).toMatch(
      /rule 'unknown-field': field 'f_nonsense' is not a field of the employer area/,
    );
    expect(message).toMatch(/rule 'protected': .*'nationality', a protected attribute/);
    expect(message).toMatch(/rule 'bad-op': 'i_age_years >' needs a number/);
    expect(message).toMatch(/rule 'bad-placeholder': the reason's \{i_nope\}/);
    expect(message).toMatch(/rule 'bad-offence': offences\.0/);
    expect(message).toMatch(/rule 'young-indebted': the id is used twice/);
  });

  it('refuses a protected attribute in a reason, and YAML that does not parse', () => {
    expect(() => parseRules(file(rule({ reason: 'born {birth_year}' })), 'x')).toThrow(/protected/);
    expect(() => parseRules('version: 1\nrules: [ {', 'broken.yaml')).toThrow(
      /broken\.yaml is not valid YAML/,
    );
    expect(() => parseRules('rules: []', 'empty.yaml')).toThrow(/is not a rule file/);
  });

  it('ships a default rule set that validates and covers every fraud pattern of DESIGN.md', async () => {
    const { rules } = await loadRuleSet();
    const patterns = new Set(rules.map((r) => r.pattern));
    for (const p of PATTERNS) {
      expect(patterns, p).toContain(p);
    }
    expect(new Set(rules.map((r) => r.area))).toEqual(
      new Set(['employer', 'beneficiary', 'internal']),
    );
  });
});

describe('rule conditions', () => {
  const [r] = parseRules(file(rule()), 'test.yaml');

  it('fires on a hand-made case and fills its reason', () => {
    const hits = fireRules([r!], { i_age_years: 1.5, i_contribution_debt_eur: 24500 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.reason).toBe('1.5 years old with €24,500 of debt');
    expect(fireRules([r!], { i_age_years: 4, i_contribution_debt_eur: 24500 })).toHaveLength(0);
  });

  it('treats a missing value as unknown: the rule does not fire, and `not` does not flip it', () => {
    expect(fireRules([r!], { i_age_years: 1, i_contribution_debt_eur: null })).toHaveLength(0);
    const not = { not: { field: 'f_degree', op: '>' as const, value: 3 } };
    expect(evaluateCondition(not, { f_degree: null })).toBeNull();
    expect(evaluateCondition(not, { f_degree: 2 })).toBe(true);
    const any = {
      any: [
        { field: 'a', op: '=' as const, value: 1 },
        { field: 'b', op: '=' as const, value: 1 },
      ],
    };
    expect(evaluateCondition(any, { a: null, b: 1 })).toBe(true);
    expect(evaluateCondition(any, { a: null, b: 2 })).toBeNull();
  });

  it('compares text with in and starts_with', () => {
    expect(
      evaluateCondition({ field: 'sector', op: 'starts_with', value: 'N81' }, { sector: 'N81.21' }),
    ).toBe(true);
    expect(
      evaluateCondition(
        { field: 'status', op: 'in', value: ['bankrupt', 'liquidated'] },
        { status: 'active' },
      ),
    ).toBe(false);
  });

  it('formats euros, shares and counts for a reader', () => {
    expect(
      formatReason('{x_eur} {f_worker_inflow_share} {n} {m}', {
        x_eur: 1234.4,
        f_worker_inflow_share: 0.756,
        n: 3,
        m: null,
      }),
    ).toBe('€1,234 76 % 3 unknown');
  });

  it('writes whole numbers as the en-GB formatter does, small ones included', () => {
    const whole = new Intl.NumberFormat('en-GB');
    const edges = [-1234, -1000, -999, -1, -0, 0, 7, 40, 999, 1000, 1001, 123456, 1e21];
    const safe = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2];
    const powers = Array.from({ length: 16 }, (_, i) => 10 ** i).flatMap((p) => [p - 1, p, -p]);
    const spread = Array.from({ length: 2000 }, (_, i) => Math.round(Math.sin(i) * 10 ** (i % 16)));
    for (const n of [...edges, ...safe, ...powers, ...spread]) {
      expect(formatValue('n', n)).toBe(whole.format(n));
      expect(formatValue('n_eur', n)).toBe(`€${whole.format(n)}`);
    }
  });
});
