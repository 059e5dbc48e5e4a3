import { describe, expect, it } from 'vitest';
import type { Reasons, TimelineEvent } from '../rankings/types.js';
import {
  entityPath,
  entityType,
  networkPath,
  offencesByProbability,
  orderedTimeline,
  scoreArithmetic,
  timelineKinds,
} from './entity-view.js';

const event = (date: string | null, kind = 'job', summary = kind): TimelineEvent => ({
  date,
  endDate: null,
  kind,
  summary,
  relation: null,
  other: null,
});

describe('entity page helpers', () => {
  it('links employers, persons and officials by type or node label, nothing else', () => {
    expect(entityType('Employer')).toBe('employer');
    expect(entityType('staff')).toBe('staff');
    expect(entityType('Address')).toBeNull();
    expect(entityPath('Person', 'P 1/2')).toBe('/entities/person/P%201%2F2');
    expect(entityPath('Claim', 'C1')).toBeNull();
    expect(networkPath('employer', 'E0-868')).toBe('/network?nodes=Employer%3AE0-868');
    expect(new URLSearchParams(networkPath('staff', 'S1').split('?')[1]).get('nodes')).toBe(
      'Staff:S1',
    );
  });

  it('orders the timeline either way, undated last, equal dates as they came', () => {
    const events = [
      event(null, 'claim', 'undated'),
      event('2020-01-01', 'job', 'a'),
      event('2018-05-01', 'residence'),
      event('2020-01-01', 'claim', 'b'),
    ];
    expect(orderedTimeline(events, false).map((e) => e.summary)).toEqual([
      'residence',
      'a',
      'b',
      'undated',
    ]);
    expect(orderedTimeline(events, true).map((e) => e.summary)).toEqual([
      'a',
      'b',
      'residence',
      'undated',
    ]);
    expect(timelineKinds(events)).toEqual(['claim', 'job', 'residence']);
  });

  it('adds the contributions, the rest and the baseline up to the log-odds', () => {
    const reasons: Reasons = {
      model: 'm1',
      probability: 1 / (1 + Math.exp(-1.2)),
      logOdds: 1.2,
      intercept: -2,
      contributions: [
        { input: 'f_a', description: 'a', value: 3, contribution: 2.5 },
        { input: 'f_b', description: 'b', value: 0.1, contribution: 0.5 },
      ],
      otherContributions: 0.2,
      rules: [],
      offences: { phoenix: 0.2, fictitious_employment: 0.7 },
      evidence: [],
    };
    const sum = scoreArithmetic(reasons);
    expect(sum.lines.map((l) => l.value)).toEqual([2.5, 0.5, 0.2, -2]);
    expect(sum.gap).toBeCloseTo(0, 10);
    expect(sum.probability).toBeCloseTo(reasons.probability, 10);
    expect(offencesByProbability(reasons.offences)).toEqual([
      ['fictitious_employment', 0.7],
      ['phoenix', 0.2],
    ]);
  });
});
