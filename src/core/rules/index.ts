// Every rule, listed by hand: it bundles into a browser and is easy to audit.

import { dateInFuture } from "./date-in-future";
import { doneLate } from "./done-late";
import { doneWithoutDate } from "./done-without-date";
import { dueSoon } from "./due-soon";
import { duplicateTask } from "./duplicate-task";
import { invalidCycle } from "./invalid-cycle";
import { invalidDate } from "./invalid-date";
import { invalidNumber } from "./invalid-number";
import { missingInstance } from "./missing-instance";
import { missingValue } from "./missing-value";
import { overdue } from "./overdue";
import type { Rule } from "./rule";
import { scoreOverPoints } from "./score-over-points";
import { unknownStatus } from "./unknown-status";
import { unknownTask } from "./unknown-task";
import { unknownUnit } from "./unknown-unit";

/** In the order findings of one row are listed. */
export const TASK_RULES: readonly Rule[] = [
  missingValue,
  invalidDate,
  unknownStatus,
  invalidCycle,
  invalidNumber,
  scoreOverPoints,
  duplicateTask,
  unknownUnit,
  doneWithoutDate,
  dateInFuture,
  overdue,
  dueSoon,
  doneLate,
  missingInstance,
  unknownTask,
];

export { defineRule, type Rule, type RuleContext, type RuleMeta } from "./rule";
