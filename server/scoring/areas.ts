// The three areas of risk (DESIGN.md, after Portugal's platform): contributors and employers,
// beneficiaries, and internal fraud. Each area scores one kind of node and learns from the
// inspections of that kind of subject.
export const areas = ['employer', 'beneficiary', 'internal'] as const;
export type Area = (typeof areas)[number];

export const areaLabel = {
  employer: 'Employer',
  beneficiary: 'Person',
  internal: 'Staff',
} as const satisfies Record<Area, string>;

/** The inspections.csv subject_type whose outcomes label the area. */
export const areaSubject = {
  employer: 'employer',
  beneficiary: 'person',
  internal: 'staff',
} as const satisfies Record<Area, string>;

export type SubjectType = (typeof areaSubject)[Area];

export function areaOfSubject(subject: string): Area | undefined {
  return areas.find((area) => areaSubject[area] === subject);
}

/** Offences (contract enum) an area's per-offence models may be trained for. */
export const areaOffences = {
  employer: [
    'undeclared_work',
    'fictitious_employment',
    'bogus_self_employment',
    'phoenix',
    'temporary_unemployment_fraud',
    'part_time_abuse',
  ],
  beneficiary: [
    'benefit_fraud',
    'identity_fraud',
    'fictitious_employment',
    'bogus_self_employment',
    'undeclared_work',
  ],
  internal: ['internal_fraud'],
} as const satisfies Record<Area, readonly string[]>;
