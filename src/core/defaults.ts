// The settings a check runs with when a person has changed none: the one place their defaults are written.
// Apart from the schema (settings.ts) so that what only checks (the workbench's worker, the ribbon's
// commands) carries no validation library; the schema takes each default from here.

/** Typed by what it is, not as Settings: the schema that Settings is inferred from reads it. */
export const DEFAULTS = {
  columns: {},
  language: "zh-CN",
  dueSoonDays: 3,
  workdays: "mainland",
  rules: {},
  colors: {
    overdue: { fill: "FFC7CE", text: "9C0006" },
    dueSoon: { fill: "FFEB9C", text: "9C5700" },
    doneLate: { fill: "DDEBF7", text: "1F4E78" },
    data: { fill: "FCE4D6", text: "833C0B" },
    merged: { fill: "BDD7EE", text: "002060" },
  },
  notices: { returnWithinDays: 3 },
  ranking: {
    method: "dense",
    score: "deductions",
    scale: "perTask",
    smoothing: 5,
    base: 100,
    weights: { overdue: 2, missingInstance: 2, doneLate: 1, dataProblem: 0.5 },
  },
} as const;
