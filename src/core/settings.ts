// Settings a person can change; they travel with the workbook, and a settings file or flags override them.

import { z } from "zod/mini";
import { en } from "zod/locales";
import { parseIsoDay } from "./day";
import { DEFAULTS } from "./defaults";
import { FIELDS, type Field } from "./table/fields";

export const RULE_IDS = [
  "missing-value",
  "invalid-date",
  "unknown-status",
  "invalid-cycle",
  "invalid-number",
  "score-over-points",
  "duplicate-task",
  "unknown-unit",
  "done-without-date",
  "date-in-future",
  "overdue",
  "due-soon",
  "done-late",
  "missing-instance",
  "unknown-task",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";
export type Locale = "zh-CN" | "en-US";
export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** mainland: the PRC calendar with public holidays and make-up workdays (调休). */
export type WorkdayMode = "mainland" | "mon-fri" | "every-day";
export type RankingMethod = "dense" | "competition";
export type ScoreMethod = "deductions" | "points";
export type ScoreScale = "none" | "perTask";

const severitySetting = z.enum(["error", "warning", "info", "off"]);
const hex = z.string().check(z.regex(/^[0-9A-Fa-f]{6}$/, "a colour as six hex digits, e.g. FFC7CE"));
const name = z.string().check(z.minLength(1));
const count = (min: number) => z.int().check(z.minimum(min));
const weight = (value: number) => z._default(z.number().check(z.minimum(0)), value);
const colour = ({ fill, text }: { readonly fill: string; readonly text: string }) =>
  z.prefault(z.strictObject({ fill: z._default(hex, fill), text: z._default(hex, text) }), {});
const D = DEFAULTS;
const fieldKeys = z.enum(FIELDS);

// zod's mini build: the same checks as the full one, at a fraction of the size in the pane's and the
// workbench worker's bundles, which carry the settings schema. It words no problem until a locale is set:
// English, as the full build's, since the problems quote the settings' own (English) keys.
z.config(en());

export const settingsSchema = z.strictObject({
  /** The task table's sheet; found by looking when absent. */
  sheet: z.optional(name),
  /** 1-based header row; found within the first 30 rows when absent. */
  headerRow: z.optional(count(1)),
  /** A column letter (H) or header text (责任部门) per field, overriding what was recognised. */
  columns: z._default(z.partialRecord(fieldKeys, name), {}),
  /** The roster sheet (单位名单); found by name when absent. */
  roster: z.optional(name),
  /** The specification of recurring tasks (工作规范, --spec); found by name and columns when absent. */
  spec: z.optional(name),
  /** The ledger (台账, --ledger) matched against the specification; found by name and columns when absent. */
  ledger: z.optional(name),
  /** YYYY-MM-DD: recurring periods are counted from this day; 1 January of the as-of year when absent. */
  trackingStart: z.optional(
    z
      .string()
      .check(z.refine((text) => parseIsoDay(text) !== undefined, "a day as YYYY-MM-DD, e.g. 2026-01-01")),
  ),
  /** The holiday sheet (节假日) that adds to or overrides the working-day calendar. */
  holidays: z.optional(name),
  language: z._default(z.enum(["zh-CN", "en-US"]), D.language),
  dueSoonDays: z._default(count(0).check(z.maximum(60)), D.dueSoonDays),
  workdays: z._default(z.enum(["mainland", "mon-fri", "every-day"]), D.workdays),
  rules: z._default(z.partialRecord(z.enum(RULE_IDS), severitySetting), {}),
  /** Highlight colours (fill and text), as Excel's own red, yellow and blue styles. */
  colors: z.prefault(
    z.strictObject({
      overdue: colour(D.colors.overdue),
      dueSoon: colour(D.colors.dueSoon),
      doneLate: colour(D.colors.doneLate),
      data: colour(D.colors.data),
      /** The cells the last merge of the units' answers (反馈汇总) wrote. */
      merged: colour(D.colors.merged),
    }),
    {},
  ),
  notices: z.prefault(
    z.strictObject({
      /** Working days after the as-of day by which a unit returns its answered notice (0: the same day). */
      returnWithinDays: z._default(count(0).check(z.maximum(60)), D.notices.returnWithinDays),
    }),
    {},
  ),
  ranking: z.prefault(
    z.strictObject({
      method: z._default(z.enum(["dense", "competition"]), D.ranking.method),
      /** deductions: base − weighted counts; points (考核评分): base × 得分 ÷ 分值 − overdue and omissions. */
      score: z._default(z.enum(["deductions", "points"]), D.ranking.score),
      /**
       * How deductions weigh against a unit's size: none (as counted) or perTask (deductions per task, each
       * unit given `smoothing` tasks at the plant's average rate, so one clean task does not outrank sixteen).
       */
      scale: z._default(z.enum(["none", "perTask"]), D.ranking.scale),
      smoothing: z._default(z.number().check(z.minimum(0), z.maximum(1000)), D.ranking.smoothing),
      base: z._default(z.number(), D.ranking.base),
      weights: z.prefault(
        z.strictObject({
          overdue: weight(D.ranking.weights.overdue),
          missingInstance: weight(D.ranking.weights.missingInstance),
          doneLate: weight(D.ranking.weights.doneLate),
          dataProblem: weight(D.ranking.weights.dataProblem),
        }),
        {},
      ),
    }),
    {},
  ),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type ColumnOverrides = Partial<Record<Field, string>>;

export const DEFAULT_SETTINGS: Settings = DEFAULTS;

export interface SettingsProblem {
  /** Where in the settings: `ranking.weights.overdue` */
  readonly path: string;
  readonly message: string;
}

/** Validates settings from a file or a workbook; the problems name the key and what was wrong. */
export function parseSettings(input: unknown): { settings: Settings } | { problems: SettingsProblem[] } {
  const result = settingsSchema.safeParse(input);
  if (result.success) return { settings: result.data };
  return {
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "(top)",
      message: issue.message,
    })),
  };
}

/** Later layers win key by key: defaults, then the workbook's, then a settings file, then flags. */
export function mergeSettings(...layers: ReadonlyArray<SettingsInput | undefined>): SettingsInput {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const before = merged[key];
      merged[key] =
        isPlainObject(before) && isPlainObject(value)
          ? mergeSettings(before as SettingsInput, value as SettingsInput)
          : value;
    }
  }
  return merged as SettingsInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
