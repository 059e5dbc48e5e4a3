// The closed vocabularies of the input data contract (../shared/CONTRACT.md), written once and
// used by the row schemas, the generator and the loaders.

export const SEXES = ['F', 'M', 'X'] as const;
export const EMPLOYER_KINDS = ['company', 'self_employed', 'domestic', 'nonprofit'] as const;
export const EMPLOYER_STATUSES = ['active', 'bankrupt', 'liquidated', 'dormant'] as const;
export const ADDRESS_KINDS = ['residential', 'commercial', 'domiciliation'] as const;
export const CONTRACTS = ['full_time', 'part_time', 'temporary', 'student', 'posted'] as const;
export const DIRECTOR_ROLES = ['director', 'manager', 'shareholder'] as const;
export const HOUSEHOLD_KINDS = [
  'spouse',
  'partner',
  'parent',
  'child',
  'sibling',
  'cohabitant',
] as const;
export const HOLDER_TYPES = ['person', 'employer'] as const;
export const CONTACT_CHANNELS = ['email', 'phone', 'device', 'ip'] as const;
export const BENEFIT_TYPES = [
  'unemployment',
  'temporary_unemployment',
  'sickness',
  'parenthood',
  'social_inclusion',
  'old_age_pension',
  'survivor_pension',
  'disability_pension',
  'family',
] as const;
export const CLAIM_STATUSES = ['granted', 'rejected', 'suspended'] as const;
export const CLAIM_CHANNELS = ['online', 'counter'] as const;
export const SUBJECT_TYPES = ['employer', 'person', 'staff'] as const;
export const OFFENCES = [
  'undeclared_work',
  'fictitious_employment',
  'bogus_self_employment',
  'phoenix',
  'temporary_unemployment_fraud',
  'part_time_abuse',
  'benefit_fraud',
  'identity_fraud',
  'internal_fraud',
  'none',
] as const;
export const OUTCOMES = ['confirmed', 'unfounded', 'pending'] as const;
export const ORIGINS = [
  'complaint',
  'prosecutor',
  'other_service',
  'own_initiative',
  'risk_model',
  'random_audit',
] as const;

export type Sex = (typeof SEXES)[number];
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export type BenefitType = (typeof BENEFIT_TYPES)[number];
export type Offence = (typeof OFFENCES)[number];
export type Origin = (typeof ORIGINS)[number];
