// The ids of every finding's message: a rule reports one of these, and every catalogue words them all.

/** In the order of the rules that use them; each locale's catalogue must word every one. */
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
