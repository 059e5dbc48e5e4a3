// The fixed hold-out (issue #8): a test set that stays the same when closed cases add labels, so
// that two model versions' hold-out figures can be compared.
//
// Case outcomes close "now", after every loaded inspection; a plain time split would put them all
// in the test window and change the test set at every retrain. So:
// - the split date and the test set are decided on the loaded labels only (inspections without a
//   case_id), as before: the latest loaded label of each entity, tested when it closed on or
//   after the split date;
// - the hold-out model trains on the latest label of every other entity — loaded ones closed
//   before the split date and every label from a closed case, whenever it closed;
// - an entity of the test set never trains the hold-out model, not even through a later case
//   label (no identity leakage);
// - the version that is kept is fit on every label, cases included.
// An entity with both keeps both labels: its latest loaded one and its latest from a case. They
// are two inspections chosen two different ways (label-treatment.ts), and a case outcome that
// replaced the loaded label would throw away exactly the labels that resemble the test set — on
// the demo, 21 of the 87 red employers had a loaded label, all of them confirmations, and
// losing them cost more hold-out AUC than the model-chosen labels themselves.
// Without case labels this is exactly the old time split.
import { entityLabels, splitDate, type EntityLabel, type Inspection } from './labels.js';
import type { Area } from './areas.js';

export interface LabelSets {
  /**
   * The final model's labels: the latest loaded inspection of every entity and the latest one
   * from a closed case, both when the entity has both (sorted by entity, the loaded one first).
   */
  all: EntityLabel[];
  /** The latest loaded (non-case) inspection of every entity: what the test set is drawn from. */
  loaded: EntityLabel[];
}

/** Both label sets of an area (and offence), each sorted by entity id. */
export function labelSets(
  inspections: readonly Inspection[],
  area: Area,
  offence?: string,
): LabelSets {
  const loaded = entityLabels(
    inspections.filter((i) => i.caseId === null),
    area,
    offence,
  );
  const fromCases = entityLabels(
    inspections.filter((i) => i.caseId !== null),
    area,
    offence,
  );
  // Both lists are sorted by entity id: merge them, an entity's loaded label first.
  const all: EntityLabel[] = [];
  let c = 0;
  for (const l of loaded) {
    while (c < fromCases.length && fromCases[c]!.subjectId < l.subjectId) all.push(fromCases[c++]!);
    all.push(l);
  }
  while (c < fromCases.length) all.push(fromCases[c++]!);
  return { all, loaded };
}

/** The sets restricted to the entities `keep` accepts (e.g. those in the entity table). */
export function keepLabels(sets: LabelSets, keep: (subjectId: string) => boolean): LabelSets {
  return {
    all: sets.all.filter((l) => keep(l.subjectId)),
    loaded: sets.loaded.filter((l) => keep(l.subjectId)),
  };
}

/** The configured split date, or the one that holds out the latest share of loaded labels. */
export function holdoutSplitDate(
  sets: LabelSets,
  config: { splitDate?: string | undefined; holdoutShare: number },
): string | null {
  return config.splitDate ?? splitDate(sets.loaded, config.holdoutShare);
}

export interface HoldoutSplit {
  /** Loaded labels closed before this date train, those closed on or after it test. */
  split: string;
  /** The hold-out model's training labels, sorted by entity id. */
  train: EntityLabel[];
  /** The fixed test labels (loaded only), sorted by entity id. */
  test: EntityLabel[];
  /** Labels from closed cases among `train`. */
  caseLabelsTrained: number;
  /** Entities of the test set whose latest label came from a case: left out of training. */
  caseLabelsWithheld: number;
}

export function holdoutSplit(sets: LabelSets, split: string): HoldoutSplit {
  const test = sets.loaded.filter((l) => l.closedOn >= split);
  const tested = new Set(test.map((l) => l.subjectId));
  const train: EntityLabel[] = [];
  let caseLabelsWithheld = 0;
  for (const l of sets.all) {
    if (tested.has(l.subjectId)) {
      if (l.caseId !== null) caseLabelsWithheld++;
      continue;
    }
    // An entity outside the test set: its latest label is loaded and closed before the split,
    // or came from a case.
    train.push(l);
  }
  return {
    split,
    train,
    test,
    caseLabelsTrained: train.filter((l) => l.caseId !== null).length,
    caseLabelsWithheld,
  };
}
