// Settings a person can change; they travel with the workbook, and a settings file or flags override them.

import { z } from "zod";
import { parseIsoDay } from "./day";
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

const severitySetting = z.enum(["error", "warning", "info", "off"]);
const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, "a colour as six hex digits, e.g. FFC7CE");
const colour = (fill: string, text: string) =>
  z
    .object({ fill: hex.default(fill), text: hex.default(text) })
    .strict()
    .prefault({});
const fieldKeys = z.enum(FIELDS);

export const settingsSchema = z
  .object({
    /** The task table's sheet; found by looking when absent. */
    sheet: z.string().min(1).optional(),
    /** 1-based header row; found within the first 30 rows when absent. */
    headerRow: z.number().int().min(1).optional(),
    /** A column letter (H) or header text (责任部门) per field, overriding what was recognised. */
    columns: z.partialRecord(fieldKeys, z.string().min(1)).default({}),
    /** The roster sheet (单位名单); found by name when absent. */
    roster: z.string().min(1).optional(),
    /** The specification of recurring tasks (工作规范, --spec); found by name and columns when absent. */
    spec: z.string().min(1).optional(),
    /** The ledger (台账, --ledger) matched against the specification; found by name and columns when absent. */
    ledger: z.string().min(1).optional(),
    /** YYYY-MM-DD: recurring periods are counted from this day; 1 January of the as-of year when absent. */
    trackingStart: z
      .string()
      .refine((text) => parseIsoDay(text) !== undefined, "a day as YYYY-MM-DD, e.g. 2026-01-01")
      .optional(),
    /** The holiday sheet (节假日) that adds to or overrides the working-day calendar. */
    holidays: z.string().min(1).optional(),
    language: z.enum(["zh-CN", "en-US"]).default("zh-CN"),
    dueSoonDays: z.number().int().min(0).max(60).default(3),
    workdays: z.enum(["mainland", "mon-fri", "every-day"]).default("mainland"),
    rules: z.partialRecord(z.enum(RULE_IDS), severitySetting).default({}),
    /** Highlight colours (fill and text), as Excel's own red, yellow and blue styles. */
    colors: z
      .object({
        overdue: colour("FFC7CE", "9C0006"),
        dueSoon: colour("FFEB9C", "9C5700"),
        doneLate: colour("DDEBF7", "1F4E78"),
        data: colour("FCE4D6", "833C0B"),
      })
      .strict()
      .prefault({}),
    ranking: z
      .object({
        method: z.enum(["dense", "competition"]).default("dense"),
        base: z.number().default(100),
        weights: z
          .object({
            overdue: z.number().min(0).default(2),
            missingInstance: z.number().min(0).default(2),
            doneLate: z.number().min(0).default(1),
            dataProblem: z.number().min(0).default(0.5),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type ColumnOverrides = Partial<Record<Field, string>>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

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
