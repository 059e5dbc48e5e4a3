// The choices the rankings filter offers: entity types, offences and sort orders as the API
// declares them (its OpenAPI enums), in words; regions and sectors are free text, suggested from
// the rows the explorer has seen (the API has no list of them).
import { capitalised, words } from './format.js';
import { queryEnum, type OpenApiDocument } from './openapi.js';

export interface Choice {
  value: string;
  label: string;
}

export interface RankingOptions {
  types: Choice[];
  offences: Choice[];
  sorts: Choice[];
}

const typeNames: Record<string, string> = {
  employer: 'Employers',
  person: 'Persons',
  staff: 'Officials (staff)',
};

const sortNames: Record<string, string> = {
  score_desc: 'Highest score first',
  score_asc: 'Lowest score first',
  id: 'By id',
  name: 'By name',
};

const RANKINGS = '/api/rankings';

/**
 * The options for a viewer: staff only when the viewer may see officials; the offence `none`
 * (nothing suspected) is no filter anyone ranks by.
 */
export function rankingOptions(doc: OpenApiDocument, seesStaff: boolean): RankingOptions {
  const choose = (values: string[], names: Record<string, string>) =>
    values.map((value) => ({ value, label: names[value] ?? capitalised(value) }));
  return {
    types: choose(
      queryEnum(doc, RANKINGS, 'type').filter((t) => seesStaff || t !== 'staff'),
      typeNames,
    ),
    offences: queryEnum(doc, RANKINGS, 'offence')
      .filter((o) => o !== 'none')
      .map((value) => ({ value, label: capitalised(value) })),
    sorts: choose(queryEnum(doc, RANKINGS, 'sort'), sortNames),
  };
}

/** Adds the regions and sector sections of rows seen to the suggestions (sorted, unique). */
export function remember(seen: Set<string>, values: (string | null)[]): string[] {
  for (const v of values) if (v) seen.add(v);
  return [...seen].sort();
}

/** A sector code's NACE section and division (F41.20 → F, F41) for the sector suggestions. */
export function sectorPrefixes(code: string | null): string[] {
  if (!code) return [];
  const section = code.slice(0, 1);
  const division = /^[A-Z]\d{2}/.exec(code)?.[0];
  return division ? [section, division] : [section];
}

const nouns: Record<string, string> = {
  employer: 'employers',
  person: 'persons',
  staff: 'officials',
};

/** The entity type as a plural noun in a sentence: `employers`, `officials`. */
export const typeNoun = (type: string): string => nouns[type] ?? `${words(type)} entities`;
