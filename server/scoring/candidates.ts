// The candidate inputs of an area's model, from the configuration: every intrinsic and network
// field (or the configured list) plus the rule hits, each with its transform. Unknown names and
// protected attributes are refused with the name and what to do.
import { BadInputError } from '../errors.js';
import type { Area } from './areas.js';
import { defaultTransform, type CandidateInput } from './design.js';
import type { EntityTable } from './entity-table.js';
import { areaFields } from './fields.js';
import { isProtected, protectedMessage } from './protected.js';
import type { ScoringConfig } from './scoring-config.js';

export function candidateInputs(
  area: Area,
  config: ScoringConfig,
  table: EntityTable,
  rules: ReadonlyMap<string, Float64Array>,
  only?: 'intrinsic',
): CandidateInput[] {
  const areaConfig = config.areas[area];
  const fields = areaFields(area);
  const numeric = [...fields.values()].filter((f) => f.kind !== 'category').map((f) => f.name);
  const names = areaConfig.inputs ?? [
    ...numeric,
    ...(areaConfig.ruleInputs ? [...rules.keys()] : []),
  ];
  const excluded = new Set(areaConfig.exclude);
  const candidates: CandidateInput[] = [];
  for (const name of names) {
    if (excluded.has(name)) continue;
    if (isProtected(name))
      throw new BadInputError(`scoring: ${protectedMessage(name, 'the scoring configuration')}`);
    const rule = rules.get(name);
    if (rule) {
      if (only !== 'intrinsic')
        candidates.push({ name, kind: 'rule', transform: 'identity', raw: rule });
      continue;
    }
    const field = fields.get(name);
    const raw = table.numeric.get(name);
    if (!field || !raw) {
      throw new BadInputError(
        `scoring: the ${area} model input '${name}' is not a numeric field or rule of that area; \`ringwatch features\` lists the features`,
      );
    }
    if (only === 'intrinsic' && field.kind !== 'intrinsic') continue;
    candidates.push({
      name,
      kind: field.kind === 'intrinsic' ? 'intrinsic' : 'network',
      transform: areaConfig.transforms[name] ?? defaultTransform(field),
      raw,
    });
  }
  return candidates;
}
