// The scoring configuration (YAML, validated with zod): per area, which inputs the model may use
// (default: every intrinsic and network field and every rule hit), how they are transformed,
// the regularisation grid, how many labels a model needs, and the inspection capacity that sets
// the bands. Protected attributes are refused here, with the reason, whatever the file says.
import { z } from 'zod';
import { BadInputError } from '../errors.js';
import { transforms } from './design.js';
import { isProtected, protectedMessage } from './protected.js';
import { parseYamlText, readTextFile } from './yaml-file.js';

/** A capacity: a number of entities ("100") or a share of them ("2%"). */
const capacity = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?%$/, 'a count such as 100 or a share such as "2%"'),
]);
export type Capacity = z.infer<typeof capacity>;

const inputName = z.string().superRefine((name, ctx) => {
  if (isProtected(name))
    ctx.addIssue({ code: 'custom', message: protectedMessage(name, 'the scoring configuration') });
});

const areaConfig = z
  .object({
    /** Inputs the model may use; default: every intrinsic and network field and rule hit. */
    inputs: z.array(inputName).optional(),
    /** Inputs left out of the default set. */
    exclude: z.array(z.string()).default([]),
    transforms: z.record(z.string(), z.enum(transforms)).default({}),
    /** Rule hits as model inputs. */
    ruleInputs: z.boolean().default(true),
    /** Penalties tried by cross-validation; the best mean held-out log-loss wins. */
    l2Grid: z.array(z.number().positive()).min(1).default([0.01, 0.1, 1, 10, 100]),
    /** Fewest confirmed and fewest unfounded labels a model needs; below, rules alone score. */
    minLabels: z.number().int().min(5).default(20),
    /** Inspection capacity per band (the rest is blue). */
    capacity: z.object({ red: capacity, orange: capacity, green: capacity }).strict(),
    /** Bands computed within each group (inspectors pick a sector and a region). */
    bandsBy: z.array(z.enum(['sector', 'region'])).default([]),
  })
  .strict()
  .superRefine((area, ctx) => {
    for (const name of Object.keys(area.transforms)) {
      if (isProtected(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['transforms', name],
          message: protectedMessage(name, 'the scoring configuration'),
        });
      }
    }
  });

export type AreaConfig = z.infer<typeof areaConfig>;

export const scoringConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Rules file (default: the shipped default-rules.yaml). */
    rules: z.string().optional(),
    seed: z.number().int().default(42),
    /** Share of the latest closed inspections held out to evaluate (time-based split). */
    holdoutShare: z.number().gt(0).lt(1).default(0.3),
    /** Fixed split date instead of holdoutShare (train before, test from). */
    splitDate: z.iso.date().optional(),
    folds: z.number().int().min(2).max(20).default(5),
    /** Confirmed and unfounded labels an offence needs for a model of its own. */
    minOffenceLabels: z.number().int().min(5).default(30),
    /**
     * What training does with labels the model chose (closed `risk_model` cases;
     * label-treatment.ts): a training-only origin indicator, and their sample weight.
     */
    caseLabels: z
      .object({
        indicator: z.boolean().default(true),
        modelChosenWeights: z.array(z.number().gt(0).max(1)).min(1).default([0.1, 0.25, 0.5, 1]),
      })
      .strict()
      .prefault({}),
    areas: z
      .object({
        employer: areaConfig.prefault({ capacity: { red: '2%', orange: '5%', green: '15%' } }),
        beneficiary: areaConfig.prefault({
          capacity: { red: '0.5%', orange: '2%', green: '7.5%' },
        }),
        internal: areaConfig.prefault({ capacity: { red: '5%', orange: '10%', green: '25%' } }),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;

export function parseScoringConfig(document: unknown, source: string): ScoringConfig {
  const parsed = scoringConfigSchema.safeParse(document ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new BadInputError(
      `scoring: configuration ${source} is refused:\n  ${lines.join('\n  ')}`,
    );
  }
  return parsed.data;
}

export async function loadScoringConfig(path?: string): Promise<ScoringConfig> {
  if (path === undefined) return parseScoringConfig({}, '(defaults)');
  const text = await readTextFile(path, 'configuration');
  return parseScoringConfig(parseYamlText(text, path, 'configuration'), path);
}
