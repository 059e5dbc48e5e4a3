// The areas an evaluation report covers and the names of its files.

/** Scoring areas (DESIGN.md): contributors/employers, beneficiaries, internal fraud. */
export const AREAS = ['employer', 'person', 'staff'] as const;
export type Area = (typeof AREAS)[number];

export const REPORT_FILES = { json: 'report.json', markdown: 'report.md' } as const;

/** File names of an area's charts, relative to the report folder. */
export function chartFiles(area: Area) {
  return {
    roc: `${area}-roc.svg`,
    pr: `${area}-pr.svg`,
    calibration: `${area}-calibration.svg`,
    bands: `${area}-bands.svg`,
  };
}

/** File name of an area's live hit-rate chart (written only when the area has closed cases). */
export function liveChartFile(area: Area): string {
  return `${area}-live.svg`;
}

const AREA_TITLES: Record<Area, string> = {
  employer: 'Employers',
  person: 'Persons',
  staff: 'Agency staff',
};

export function areaTitle(area: Area): string {
  return AREA_TITLES[area];
}
