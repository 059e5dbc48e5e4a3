// Protected attributes (DESIGN.md, "Accountability"): they are read for fairness audits only and
// can never be a model input or a rule condition. Age (from birth_year) is treated the same
// way: EU non-discrimination law protects it too, and nothing in the fraud patterns needs it.
export const protectedAttributes = ['sex', 'nationality', 'birth_year'] as const;

const protectedNames = new Set<string>(protectedAttributes);

/** True when a field is, or is derived from, a protected attribute. */
export function isProtected(field: string): boolean {
  const base = field.replace(/^(i_|f_)/, '');
  return (
    protectedNames.has(field) ||
    protectedNames.has(base) ||
    /(^|_)(sex|gender|nationality|citizenship|ethnic|ethnicity|birth)(_|$)/.test(base)
  );
}

export function protectedMessage(field: string, where: string): string {
  return `${where} uses '${field}', a protected attribute (${protectedAttributes.join(', ')} and anything derived from them); it may be used for fairness audits only, never as a model input or rule condition. Remove it.`;
}
