// The shape every locale's catalogue fills in, and the functions that word findings at the edge.

import type { MessageValue } from "../findings";
import type { RuleId, Severity } from "../settings";
import type { Field } from "../table/fields";
import type { TableProblem } from "../table/locate";

type Values = Readonly<Record<string, MessageValue | undefined>>;
type Wording = (values: Values) => string;

export const MESSAGE_IDS = [
  "missingValue",
  "invalidDate",
  "unknownStatus",
  "invalidCycle",
  "invalidNumber",
  "scoreOverPoints",
  "duplicateTask",
  "unknownUnit",
  "unknownUnitNoSuggestion",
  "doneWithoutDate",
  "dateInFuture",
  "overdue",
  "dueSoon",
  "dueToday",
  "doneLate",
] as const;
export type MessageId = (typeof MESSAGE_IDS)[number];

export const NOTICE_IDS = ["calendarAssumed"] as const;
export type NoticeId = (typeof NOTICE_IDS)[number];

export interface Catalogue {
  readonly fields: Readonly<Record<Field, string>>;
  readonly rules: Readonly<Record<RuleId, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly messages: Readonly<Record<MessageId, Wording>>;
  readonly notices: Readonly<Record<NoticeId, Wording>>;
  readonly tableProblems: Readonly<Record<TableProblem["problem"], Wording>>;
  readonly words: Readonly<Record<WordId, string>>;
}

export type WordId =
  | "check"
  | "asOf"
  | "sheet"
  | "headerRow"
  | "tasks"
  | "findings"
  | "noFindings"
  | "severity"
  | "rule"
  | "cell"
  | "unit"
  | "task"
  | "message"
  | "category"
  | "summaryByUnit"
  | "summaryByCategory"
  | "ranking"
  | "total"
  | "done"
  | "onTime"
  | "late"
  | "open"
  | "overdue"
  | "dueSoon"
  | "dataProblems"
  | "completionRate"
  | "onTimeRate"
  | "rank"
  | "score"
  | "stars"
  | "notices"
  | "reading"
  | "checking"
  | "moreFindings"
  | "noUnit"
  | "noCategory";
