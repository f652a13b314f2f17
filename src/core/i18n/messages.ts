// The ids of every finding's message and every notice: a rule reports one of these messages, the engine gives
// these notices, and every catalogue words them all.

/** In the order of the rules that use them; each locale's catalogue must word every one. */
export const MESSAGE_IDS = [
  "missingValue",
  "invalidDate",
  "severalDates",
  "formulaError",
  "recurringDeadline",
  "relativeDeadline",
  "holidayDeadline",
  "unknownStatus",
  "invalidCycle",
  "invalidNumber",
  "scoreOverPoints",
  "duplicateTask",
  "unknownUnit",
  "groupUnit",
  "doneWithoutDate",
  "dateInFuture",
  "overdue",
  "overdueDoneDate",
  "dueSoon",
  "dueToday",
  "doneLate",
  "missingInstance",
  "unknownTask",
  "unknownTaskNoSuggestion",
  "invalidDeadlineRule",
  "deadlineRuleCycle",
  "invalidPeriod",
  "periodCycle",
  "missingPeriod",
] as const;
export type MessageId = (typeof MESSAGE_IDS)[number];

/** Notices about the whole check (the calendar, the recurring tasks' sheets). */
export const NOTICE_IDS = [
  "calendarAssumed",
  "recurringNoLedger",
  "recurringGroupNoRoster",
  "recurringGroupNoMatch",
  "recurringGroupVague",
  "hiddenRowFindings",
  "cancelledTasks",
  "tableYear",
  "unaddressedTasks",
  "formulasWithoutValues",
  "rosterSheetMissing",
  "holidaySheetMissing",
] as const;
export type NoticeId = (typeof NOTICE_IDS)[number];
