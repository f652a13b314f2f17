// English wording of every message, label and notice.

import type { Catalogue } from "./catalogue";

export const enUS: Catalogue = {
  fields: {
    id: "No.",
    category: "Category",
    task: "Task",
    standard: "Standard",
    unit: "Unit",
    person: "Person",
    cycle: "Cycle",
    start: "Start",
    deadline: "Deadline",
    status: "Status",
    doneDate: "Completed on",
    points: "Points",
    score: "Score",
    evidence: "Evidence",
    note: "Notes",
  },
  rules: {
    "missing-value": "Missing value",
    "invalid-date": "Invalid date",
    "unknown-status": "Unknown status",
    "invalid-cycle": "Invalid cycle",
    "invalid-number": "Not a number",
    "score-over-points": "Score over points",
    "duplicate-task": "Duplicate task",
    "unknown-unit": "Unit not on roster",
    "done-without-date": "Done without date",
    "date-in-future": "Completion date in the future",
    overdue: "Overdue",
    "due-soon": "Due soon",
    "done-late": "Done late",
    "missing-instance": "Missing instance",
    "unknown-task": "Task not in specification",
  },
  severities: { error: "Error", warning: "Warning", info: "Info" },
  messages: {
    missingValue: (v) => `${v.cell}: ${v.fieldName} is empty. Fill in the ${v.fieldName}.`,
    invalidDate: (v) =>
      `${v.cell}: ${v.fieldName} "${v.value}" is not a real date. Write a date such as 2026-11-05 or 2026年11月5日.`,
    unknownStatus: (v) =>
      `${v.cell}: status "${v.value}" is not a known word. Write Done, or In progress, Not started and the like.`,
    invalidCycle: (v) =>
      `${v.cell}: cycle "${v.value}" is not a known cycle. Write yearly, half-yearly, quarterly, monthly, ten-day, weekly, daily or once.`,
    invalidNumber: (v) => `${v.cell}: ${v.fieldName} "${v.value}" is not a number. Enter a number such as 5.`,
    scoreOverPoints: (v) =>
      `${v.cell}: score ${v.score} is more than the ${v.points} points the task is worth. Check the score.`,
    duplicateTask: (v) =>
      `${v.cell}: the same task and unit as row ${v.firstRow}. Delete the repeated row or say how the two differ.`,
    unknownUnit: (v) =>
      `${v.cell}: "${v.unit}" is not on the roster; did you mean "${v.suggestion}"? Correct the name or add it to the roster.`,
    unknownUnitNoSuggestion: (v) =>
      `${v.cell}: "${v.unit}" is not on the roster. Correct the name or add it to the roster.`,
    doneWithoutDate: (v) =>
      `${v.cell}: the task is done but has no completion date. Fill in the date it was completed.`,
    dateInFuture: (v) =>
      `${v.cell}: completion date ${v.date} is after the check date ${v.asOf}. Check the date.`,
    overdue: (v) =>
      `${v.cell}: deadline ${v.deadline} passed ${v.days} day(s) ago and the task is not done. Chase ${v.unit || "the unit"} or update the status.`,
    dueSoon: (v) =>
      `${v.cell}: due ${v.deadline}, ${v.workdays} working day(s) left. Remind ${v.unit || "the unit"} to finish on time.`,
    dueToday: (v) =>
      `${v.cell}: due today (${v.deadline}) and not done. Remind ${v.unit || "the unit"} to finish today.`,
    doneLate: (v) => `${v.cell}: done on ${v.date}, ${v.days} day(s) after the deadline ${v.deadline}.`,
  },
  notices: {
    calendarAssumed: (v) =>
      `The working-day calendar covers years up to ${v.lastYear}; from ${v.from} on, Monday to Friday are taken as working days. Add a sheet named Holidays (节假日) listing the days off and make-up workdays.`,
  },
  tableProblems: {
    "sheet-not-found": (v) =>
      `there is no sheet named "${v.sheet}"; the workbook has: ${v.sheets}. Check --sheet or the sheet in the settings.`,
    "no-table": (v) =>
      `no task table header found in the first 30 rows of any sheet (${v.sheets}). The header needs columns such as Task, Unit and Deadline (工作任务, 责任单位, 完成时限); or name the sheet with --sheet and the header row in the settings (headerRow).`,
    "no-header": (v) =>
      `no header with a Task column in the first 30 rows of sheet "${v.sheet}". Set headerRow in the settings to the header's row number.`,
    "missing-columns": (v) =>
      `the header in sheet "${v.sheet}", row ${v.row}, lacks required columns: ${v.fields} (recognised: ${v.found}). Add them, or map them to column letters under "columns" in the settings.`,
    "column-not-found": (v) =>
      `the column "${v.column}" given for "${v.field}" in the settings is not in the header of sheet "${v.sheet}". Use a column letter (H) or the exact header text.`,
  },
  words: {
    check: "Check",
    asOf: "As of",
    sheet: "Sheet",
    headerRow: "Header row",
    tasks: "Tasks",
    findings: "Findings",
    noFindings: "No findings.",
    severity: "Severity",
    rule: "Rule",
    cell: "Cell",
    unit: "Unit",
    task: "Task",
    message: "Message",
    category: "Category",
    summaryByUnit: "Summary by unit",
    summaryByCategory: "Summary by category",
    ranking: "Ranking",
    total: "Total",
    done: "Done",
    onTime: "On time",
    late: "Late",
    open: "Open",
    overdue: "Overdue",
    dueSoon: "Due soon",
    dataProblems: "Data problems",
    completionRate: "Completion",
    onTimeRate: "On-time",
    rank: "Rank",
    score: "Score",
    stars: "Stars",
    notices: "Notices",
    reading: "Reading",
    checking: "Checking",
    moreFindings: "{n} more; use --json for the full list.",
    noUnit: "(no unit)",
    noCategory: "(no category)",
  },
};
