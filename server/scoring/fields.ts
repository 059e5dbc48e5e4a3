// The fields a rule may test and a model may take as input, per area: intrinsic inputs (i_…),
// the network features analytics writes on the nodes (f_…), and a few categorical properties.
// Protected attributes are never among them (protected.ts).
import { featureRegistry } from '../analytics/features/index.js';
import { areaLabel, type Area } from './areas.js';
import { intrinsicInputs } from './intrinsic.js';

export type FieldKind = 'intrinsic' | 'network' | 'category';

export interface Field {
  name: string;
  kind: FieldKind;
  description: string;
  unit: string;
}

const categories: Record<Area, Field[]> = {
  employer: [
    { name: 'sector', kind: 'category', description: 'NACE rev.2 code', unit: 'code' },
    { name: 'kind', kind: 'category', description: 'kind of contributor', unit: 'enum' },
    { name: 'status', kind: 'category', description: 'legal status', unit: 'enum' },
    { name: 'region', kind: 'category', description: 'region', unit: 'code' },
  ],
  beneficiary: [{ name: 'region', kind: 'category', description: 'region', unit: 'code' }],
  internal: [
    { name: 'unit', kind: 'category', description: 'the official’s unit', unit: 'text' },
    { name: 'office_region', kind: 'category', description: 'office region', unit: 'code' },
  ],
};

/** Bookkeeping features that describe the run, not the entity. */
const notInputs = new Set(['f_run', 'f_at', 'f_community', 'f_component']);

export function areaFields(area: Area): Map<string, Field> {
  const label = areaLabel[area];
  const fields = new Map<string, Field>();
  for (const input of intrinsicInputs[area]) {
    fields.set(input.name, {
      name: input.name,
      kind: 'intrinsic',
      description: input.description,
      unit: input.unit,
    });
  }
  for (const feature of featureRegistry) {
    if (!feature.entities.includes(label) || notInputs.has(feature.name)) continue;
    if (feature.type === 'string') continue;
    fields.set(feature.name, {
      name: feature.name,
      kind: 'network',
      description: feature.description,
      unit: feature.unit,
    });
  }
  for (const field of categories[area]) fields.set(field.name, field);
  return fields;
}
