// The groups of the fairness tables (audit columns only, never inputs): sex, a nationality group
// and region for persons and officials; region and sector section for employers.
import type { Area } from './areas.js';
import type { EntityTable } from './entity-table.js';

/** EU member states (ISO 3166-1 alpha-2) for the nationality groups. */
const EU = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU'.split(' '),
);

/**
 * national (the most common nationality in the data: the country whose system it is), other
 * EU, or non-EU. Coarse on purpose: fine groups would be too small to report.
 */
export function nationalityGroups(column: readonly (string | null)[]): (string | null)[] {
  const counts = new Map<string, number>();
  for (const v of column) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const national = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return column.map((v) =>
    v === null ? null : v === national ? `national (${v})` : EU.has(v) ? 'other EU' : 'non-EU',
  );
}

export function auditGroups(table: EntityTable, area: Area): Map<string, (string | null)[]> {
  const groups = new Map<string, (string | null)[]>();
  const column = (name: string) => table.audit.get(name) ?? table.category.get(name);
  if (area === 'employer') {
    const region = column('region');
    if (region) groups.set('region', region);
    const sector = column('sector');
    if (sector)
      groups.set(
        'sector section',
        sector.map((v) => (v ? v.charAt(0) : null)),
      );
    return groups;
  }
  const sex = column('sex');
  if (sex) groups.set('sex', sex);
  const nationality = column('nationality');
  if (nationality) groups.set('nationality group', nationalityGroups(nationality));
  const region = column('region');
  if (region) groups.set('region', region);
  return groups;
}
