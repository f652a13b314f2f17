// English wording of every message, label and notice.

import { formatPeriod } from "../recurring/period-label";
import { PICTURE_WORDS } from "../values/picture";
import type { BulletinFacts, Catalogue, ScoringFacts, TrendMove } from "./catalogue";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A chart, dialog or macro sheet (OtherSheetKind), for a name that points at one. */
const SHEET_KINDS: Readonly<Record<string, string>> = {
  chart: "chart sheet",
  dialog: "dialog sheet",
  macro: "macro sheet",
};

/** What is wrong with a sheet chosen in the settings: not there, or not a worksheet. */
const absent = (kind: unknown) =>
  kind === undefined ? "is not in the workbook" : `is a ${SHEET_KINDS[String(kind)]}, not a worksheet`;

/** `1 task`, `3 tasks` */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `A`, `A and B`, `A, B and C`, `A, B, C and 2 more` */
function names(units: readonly string[]): string {
  if (units.length > 3) return `${units.slice(0, 3).join(", ")} and ${units.length - 3} more`;
  if (units.length <= 1) return units.join("");
  return `${units.slice(0, -1).join(", ")} and ${units[units.length - 1]}`;
}

/** 2.5 -> "+2.5", -4 -> "−4" */
function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0";
}

/** `A (up 3 places, score +2.5)` */
function moved(move: TrendMove): string {
  const { rankChange: r, scoreChange: s } = move;
  const rank = r > 0 ? `up ${count(r, "place")}` : r < 0 ? `down ${count(-r, "place")}` : "same place";
  const score = s === undefined || s === 0 ? "" : `, score ${signed(s)}`;
  return `${names(move.units)} (${move.units.length > 1 ? "each " : ""}${rank}${score})`;
}

/** The paragraph read out at the dispatch meeting. */
function bulletin(f: BulletinFacts): string {
  const isAre = (n: number) => (n === 1 ? "is" : "are");
  const parts: string[] = [];
  let opening = `As of ${f.asOf}, ${f.sheet} lists ${count(f.tasks, "task")}; ${f.done} ${isAre(f.done)} done, a completion rate of ${f.completionRate}`;
  if (f.done > 0 && f.onTime === f.done) opening += `, all on time`;
  else if (f.onTime + f.late > 0) opening += ` (${f.onTime} on time, ${f.late} late)`;
  parts.push(`${opening}.`);
  if (f.open === 0) {
    if (f.tasks > 0) parts.push("All tasks are done.");
  } else if (f.overdue === 0) {
    parts.push(`${f.open} ${isAre(f.open)} still open, none of them overdue.`);
  } else {
    let open = `${f.open} ${isAre(f.open)} still open and ${f.overdue} of them overdue`;
    if (f.overdueLeaders.length > 0)
      open += `, most at ${f.overdueLeaders.map((l) => `${l.unit} (${l.overdue})`).join(", ")}`;
    if (f.sharedOverdue.length > 0)
      open += `, and tasks of several units at ${f.sharedOverdue.map((l) => `${l.unit} (${l.overdue})`).join(", ")}`;
    parts.push(`${open}; chase them to finish.`);
  }
  if (f.dueSoon > 0) {
    const when = f.dueSoonDays > 0 ? `within ${count(f.dueSoonDays, "working day")}` : "today";
    parts.push(
      `${count(f.dueSoon, "more task")} ${f.dueSoon === 1 ? "falls" : "fall"} due ${when}; remind the units to finish on time.`,
    );
  }
  if (f.missingInstances > 0) {
    let omissions = `${count(f.missingInstances, "required ledger entry", "required ledger entries")} ${isAre(f.missingInstances)} missing`;
    if (f.omissionLeaders.length > 0)
      omissions += `, most at ${f.omissionLeaders.map((l) => `${l.unit} (${l.omissions})`).join(", ")}`;
    parts.push(`${omissions}.`);
  }
  if (f.top) {
    let ranking =
      f.top.units.length > 1
        ? `${capitalise(f.method)}, ${names(f.top.units)} share first place (${f.top.score} points)`
        : `${capitalise(f.method)}, ${f.top.units[0]} ranks first (${f.top.score} points)`;
    if (f.bottom)
      ranking += `; ${names(f.bottom.units)} ${f.bottom.units.length > 1 ? "rank" : "ranks"} last (${f.bottom.score} points)`;
    parts.push(`${ranking}.`);
  }
  if (f.trend && (f.trend.improved.units.length > 0 || f.trend.declined.units.length > 0)) {
    const { since, improved, declined } = f.trend;
    const moves = [
      ...(improved.units.length > 0 ? [`${moved(improved)} improved most`] : []),
      ...(declined.units.length > 0 ? [`${moved(declined)} declined most`] : []),
    ];
    parts.push(`Since the last check (${since}), ${moves.join("; ")}.`);
  }
  if (f.offRoster.length > 0) {
    const listed = names(
      f.offRoster.map((u) =>
        u.suggestion === undefined
          ? `"${u.unit}" (${count(u.tasks, "task")})`
          : `"${u.unit}" (${count(u.tasks, "task")}; ${u.suggestion}?)`,
      ),
    );
    parts.push(
      `${listed} ${f.offRoster.length > 1 ? "are" : "is"} not on the roster and not ranked; correct the unit names.`,
    );
  }
  parts.push(
    f.dataProblems > 0
      ? `${count(f.dataProblems, "task")} ${f.dataProblems === 1 ? "has" : "have"} data problems (missing values, unreadable dates or statuses and the like); the units should check and correct them.`
      : "No data problems were found.",
  );
  return parts.join(" ");
}

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
    formulaError: (v) =>
      `${v.cell}: ${v.fieldName} is "${v.value}", an error its formula gives. Check the cell's formula: a sheet or cell it refers to may have been deleted or renamed.`,
    severalDates: (v) =>
      `${v.cell}: ${v.fieldName} "${v.value}" holds ${v.count} dates (${v.dates}); a cell takes one. Split a task done in stages into rows, one stage and its date to a row.`,
    recurringDeadline: (v) =>
      `${v.cell}: ${v.fieldName} "${v.value}" is a recurring deadline, not a day, so whether it is overdue cannot be told. Write this task's deadline as a date; put work that recurs in a specification sheet (工作规范, with its cycle and deadline rule) and record each period in a ledger (台账): Duban then checks every period for omissions.`,
    relativeDeadline: (v) =>
      `${v.cell}: ${v.fieldName} "${v.value}" does not say which day it is (counted from when?), so whether it is overdue cannot be told. Write the day it falls due, such as 2026-11-05 or 2026年11月5日.`,
    holidayDeadline: (v) =>
      `${v.cell}: ${v.fieldName} "${v.value}" does not say which day it is (which day before the holiday?), so whether it is overdue cannot be told. Write the day it falls due, such as 2026-09-30 or 2026年9月30日.`,
    unknownStatus: (v) =>
      `${v.cell}: status "${v.value}" is not a known word. Write Done, or In progress, Not started and the like.`,
    invalidCycle: (v) =>
      `${v.cell}: cycle "${v.value}" is not a known cycle. Write yearly, half-yearly, quarterly, monthly, half-monthly, ten-day, weekly, daily or once.`,
    invalidNumber: (v) => `${v.cell}: ${v.fieldName} "${v.value}" is not a number. Enter a number such as 5.`,
    scoreOverPoints: (v) =>
      `${v.cell}: score ${v.score} is more than the ${v.points} points the task is worth. Check the score.`,
    duplicateTask: (v) =>
      `${v.cell}: the same task and unit as row ${v.firstRow}. Delete the repeated row or say how the two differ.`,
    unknownUnit: (v) =>
      `${v.cell}: "${v.unit}" is not on the roster; did you mean "${v.suggestion}"? Correct the name or add it to the roster.`,
    groupUnit: (v) =>
      `${v.cell}: "${v.unit}" names many units, so this task's progress and delays count for none of them and it is not ranked. Name the lead unit (the first of a list, e.g. 机电科、综采一队); work every unit does each period belongs in a specification sheet.`,
    doneWithoutDate: (v) =>
      `${v.cell}: the task is done but has no completion date. Fill in the date it was completed.`,
    dateInFuture: (v) =>
      `${v.cell}: completion date ${v.date} is after the check date ${v.asOf}. Check the date.`,
    overdue: (v) =>
      `${v.cell}: deadline ${v.deadline} passed ${v.days} day(s) ago and the task is not done. Chase ${v.unit || "the unit"} or update the status.`,
    overdueDoneDate: (v) =>
      `${v.cell}: deadline ${v.deadline} passed ${v.days} day(s) ago; the status is empty, but a completion date (${v.date}) is filled in. If the task is done, write 已完成 (done) as its status; otherwise chase ${v.unit || "the unit"}.`,
    dueSoon: (v) =>
      `${v.cell}: due ${v.deadline}, ${v.workdays} working day(s) left. Remind ${v.unit || "the unit"} to finish on time.`,
    dueToday: (v) =>
      `${v.cell}: due today (${v.deadline}) and not done. Remind ${v.unit || "the unit"} to finish today.`,
    doneLate: (v) => `${v.cell}: done on ${v.date}, ${v.days} day(s) after the deadline ${v.deadline}.`,
    missingInstance: (v) =>
      `${v.cell}: the ledger has no entry for "${v.task}" by ${v.unit} for ${formatPeriod(String(v.period), "en-US")}, due ${v.deadline}, ${v.daysPastDue} day(s) ago. Chase ${v.unit}, or enter it in the ledger.`,
    unknownTask: (v) =>
      `${v.cell}: the ledger task "${v.task}" is not in the specification; did you mean "${v.suggestion}"? Use the specification's name for it.`,
    unknownTaskNoSuggestion: (v) =>
      `${v.cell}: the ledger task "${v.task}" is not in the specification. Use a specification task's name, or add it to the specification.`,
    invalidDeadlineRule: (v) =>
      `${v.cell}: deadline rule "${v.value}" cannot be read. Write a rule such as 每月25日前, 每季度末, 每周五 or "by the 25th of each month".`,
    deadlineRuleCycle: (v) =>
      `${v.cell}: deadline rule "${v.value}" does not fit the cycle (${v.cycle}). Correct the cycle or the rule.`,
    invalidPeriod: (v) =>
      `${v.cell}: period "${v.value}" cannot be read. Write a period such as 2026-10, 2026-Q3, 2026年11月上旬 or 2026-W46.`,
    periodCycle: (v) =>
      `${v.cell}: "${v.task}" is done every ${v.cycle}; period "${v.value}" does not say which one. Write the ${v.cycle} it is for.`,
    missingPeriod: (v) =>
      `${v.cell}: the period is empty. Fill in the period this entry is for, e.g. 2026-10.`,
  },
  notices: {
    recurringNoLedger: (v) =>
      `Found the specification "${v.sheet}" but no ledger, so omissions were not checked. Add a sheet named 台账 (Ledger) with a Period (期次) column, or choose it with --ledger.`,
    recurringGroupNoRoster: (v) =>
      `"${v.words}" in rows ${v.rows} of "${v.sheet}" need a roster to be expanded; omissions for them were not checked. Add a roster sheet (单位名单) with each unit's type in the second column.`,
    recurringGroupNoMatch: (v) =>
      `"${v.words}" in rows ${v.rows} of "${v.sheet}" match no unit of the roster. Write each unit's type (区队, 科室, 支部) in the roster's second column.`,
    recurringGroupVague: (v) =>
      `"${v.words}" in rows ${v.rows} of "${v.sheet}" do not say which units; omissions for them were not checked. Name the units, or a kind of unit such as 各区队 or 各科室.`,
    hiddenRowFindings: (v) =>
      `${v.count} rows of "${v.sheet}" with findings are hidden or filtered out (rows ${v.rows}): they are checked as usual, but their highlights show only once the rows are unhidden or the filter is cleared.`,
    cancelledTasks: (v) =>
      `${v.count} tasks of "${v.sheet}" are marked as cancelled or called off (rows ${v.rows}): they are not checked, nor counted in the summary or the ranking.`,
    tableYear: (v) =>
      `The title of "${v.sheet}" names the year ${v.year}: its dates written without a year (such as 3月底 or 12月中旬) are taken in ${v.year}, not in ${v.asOfYear}, the year of the as-of day.`,
    unaddressedTasks: (v) =>
      `${v.count} open tasks of "${v.sheet}" name only "${v.words}" as their unit (rows ${v.rows}), which says no unit: no notice can be sent for them, and no unit counts them. Name the units in the task table.`,
    formulasWithoutValues: (v) =>
      `${v.count} formula cells of "${v.sheet}" hold no calculated value (${v.cells}), so Duban reads them as empty. The file was most likely written by a program and never saved in Excel: open it in Excel or WPS, save it once, and check it again.`,
    calendarAssumed: (v) =>
      `The working-day calendar covers years up to ${v.lastYear}; from ${v.from} on, Monday to Friday are taken as working days. Add a sheet named Holidays (节假日) listing the days off and make-up workdays.`,
    rosterSheetMissing: (v) =>
      `The roster sheet "${v.sheet}" chosen in the settings ${absent(v.kind)}, so units were not checked against a roster and every unit in the table is ranked. Choose one of the workbook's sheets (${v.sheets}) as the roster in the settings, or remove the choice to have the roster found by its name (单位名单).`,
    holidaySheetMissing: (v) =>
      `The holiday sheet "${v.sheet}" chosen in the settings ${absent(v.kind)}, so its days off and make-up workdays were not used. Choose one of the workbook's sheets (${v.sheets}) as the holiday sheet in the settings, or remove the choice to have it found by its name (节假日).`,
  },
  tableProblems: {
    "sheet-not-found": (v) =>
      `there is no sheet named "${v.sheet}"; the workbook has: ${v.sheets}. Check --sheet or the sheet in the settings.`,
    "not-a-worksheet": (v) =>
      `"${v.sheet}" is a ${SHEET_KINDS[String(v.kind)]}, not a worksheet: it holds no table to check. The workbook's worksheets are: ${v.sheets}. Check --sheet or the sheet in the settings.`,
    "no-table": (v) =>
      v.hiddenSheet !== undefined
        ? `the hidden sheet "${v.hiddenSheet}" has a task table header, but a hidden sheet is never chosen by guessing. Unhide it, or name it with --sheet or the sheet in the settings.`
        : v.sheets === ""
          ? `the workbook has no worksheet that can be read. Open it in Excel, WPS or LibreOffice and save it as .xlsx again.`
          : `no task table header found in the first 30 rows of any sheet (${v.sheets}). The header needs columns such as Task, Unit and Deadline (工作任务, 责任单位, 完成时限); or name the sheet with --sheet and the header row in the settings (headerRow).`,
    "no-header": (v) =>
      `no header with a Task column in the first 30 rows of sheet "${v.sheet}". Set headerRow in the settings to the header's row number.`,
    "missing-columns": (v) =>
      v.headerFound === undefined
        ? `the header in sheet "${v.sheet}", row ${v.row}, lacks required columns: ${v.fields} (recognised: ${v.found}). Add them, or map them to column letters under "columns" in the settings.`
        : `the settings put the header on row ${v.row}, but the header of sheet "${v.sheet}" is on row ${v.headerFound} (row ${v.row} lacks ${v.fields}). Set headerRow to ${v.headerFound} in the settings, or remove it to have the header found.`,
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
    listSeparator: ", ",
    none: "none",
    reading: "Reading",
    checking: "Checking",
    moreFindings: "{n} more; use --json for the full list.",
    noUnit: "(no unit)",
    noCategory: "(no category)",
  },
  output: {
    sheetNames: {
      issues: "Issues",
      summary: "Summary",
      ranking: "Ranking",
      history: "History",
      notices: "Notices",
      omissions: "Omissions",
      progress: "Progress",
      feedback: "Feedback",
    },
    title: (v) => `${v.name} · ${v.sheet} · as of ${v.asOf}`,
    issuesSubtitle: (v) =>
      `File ${v.file} · ${count(v.tasks, "task")} · ${count(v.findings, "finding")} (${count(v.error, "error")}, ${count(v.warning, "warning")}, ${v.info} info)`,
    summarySubtitle: (v) =>
      `File ${v.file} · ${count(v.tasks, "task")} · ${count(v.units, "unit")}` +
      (v.idle > 0 ? ` (and ${v.idle} on the roster with no task)` : "") +
      ` · completion ${v.completionRate}`,
    rankingSubtitle: (v) =>
      `File ${v.file} · ${count(v.units, "unit")} · ${v.formula}` +
      (v.previous ? ` · change against the ranking of ${v.previous}` : ""),
    noticesSubtitle: (v) =>
      `File ${v.file} · ${count(v.units, "unit")} with open tasks, ${count(v.tasks, "task")} in all`,
    omissionsSubtitle: (v) =>
      `File ${v.file} · against "${v.spec}" · ${v.omissions} omission(s) across ${v.units} unit(s)`,
    omissionsHeader: ["Task", "Unit", "Period", "Deadline", "Days past due", "Specification row"],
    feedback: {
      subtitle: (v) =>
        `Master ${v.file} · round ${v.round} · ${v.answered} of ${count(v.units, "unit")} answered · ${count(v.changes, "change")} applied · ${v.rejected} not applied` +
        (v.kept > 0
          ? ` (${v.kept} of them done answers to tasks of several units, kept until the other units answer)`
          : "") +
        ` · ${count(v.skipped, "file")} not used`,
      noRound: "none (plain copies only)",
      unitsHeader: ["Unit", "Answered", "Files", "Rows updated", "Rows not applied"],
      sharedProgressTitle: (n) =>
        `Tasks of several units still waiting for some of them to answer done (${n})`,
      sharedProgressHeader: ["Cell", "Task", "Answered done", "Still to answer"],
      unitList: (units) => units.join(", "),
      answered: "Answered",
      notAnswered: "No answer",
      unusableFile: "File could not be used (see below)",
      changesTitle: (n) => `Changes applied (${n})`,
      changesHeader: ["Cell", "Task", "Field", "Old value", "New value", "File"],
      noChanges: "No change was applied.",
      rejectedTitle: (n) => `Answers not applied (${n})`,
      rejectedHeader: ["Cell", "Task", "Field", "Why", "Master value", "Returned value", "File"],
      noRejected: "Every answer was applied.",
      reasons: {
        masterChanged:
          "The master changed since the notice was sent; its value is kept: check which is right",
        disagree: "Two answers disagree; neither was applied: check with the unit",
        protectedField: "The task, unit or deadline was edited; none of this row's answers was applied",
        otherUnit: "A row of another unit was changed",
        sharedTask:
          "A task of several units (such as 各单位): one unit's answer is not the task's; the master keeps one status, written once every unit it names has answered it done",
        sharedWaiting:
          "A task of several units (such as 各单位): this unit's done answer is kept, and written into the master once every unit the task names has answered it done (in a later merge too)",
        olderRound: "From an older round of notices",
        noMatch: "No task in the master matches this row",
        mergedCell: "The master cell is merged across rows; enter it by hand",
        formulaCell: "The master cell holds a formula other cells share; enter it by hand",
        picture:
          "The answer is a picture placed in the cell, which is in the returned file alone; copy it from there into this cell of the master",
      },
      picture: PICTURE_WORDS["en-US"],
      disagreeWith: (v) => ` (the other: ${v.file}, "${v.value}")`,
      waitingFor: (units) => ` (still to answer: ${units.join(", ")})`,
      returnedRow: (row) => `Returned row ${row}`,
      skippedTitle: (n) => `Files not used (${n})`,
      skippedHeader: ["File", "Why", "Details"],
      skippedReasons: {
        notWorkbook: "Not an Excel workbook",
        damaged: "Damaged: it cannot be opened",
        encrypted: "Protected by a password: it cannot be read",
        notAnswer: "Neither a notice nor a task table",
        otherMaster: "A notice from another master table",
      },
      unattributed: "The same as the master: nothing answered",
    },
    progress: {
      subtitle: (v) =>
        `File ${v.file} · ${v.open} open, ${v.done} done in the last ${v.recentDays} days · by ${v.scale} (${v.from} to ${v.to})` +
        (v.undated > 0 ? ` · ${count(v.undated, "task")} without a deadline date not shown` : "") +
        (v.notDrawn > 0
          ? ` · at most ${v.limit} drawn (overdue and nearest deadlines first): ${count(v.notDrawn, "more task")} not drawn`
          : ""),
      header: ["Task", "Unit", "Start", "Deadline", "Status"],
      today: "Today",
      legend: {
        planned: "Planned",
        done: "Done",
        late: "Done late",
        overdue: "Overdue",
        today: (asOf) => `Today ${asOf}`,
      },
      month: (month) => MONTHS[month - 1]!,
      year: (year) => String(year),
      noTasks: "No open or recently finished tasks.",
    },
    history: {
      subtitle: (v) =>
        `File ${v.file} · ${count(v.checks, "check")} (${v.from === v.to ? v.from : `${v.from} to ${v.to}`}) · ${v.method}` +
        (v.since ? ` · changes against ${v.since}` : ""),
      latest: "Latest",
      latestLine: (v) => `${v.score.toFixed(2)}${v.change ? ` ${v.change}` : ""} (rank ${v.rank})`,
      notRankedNow: "not ranked this time",
      scoreChange: "Score change",
      chartTitle: (v) =>
        v.shown < v.units ? `Scores over the checks (top ${v.shown} units)` : "Scores over the checks",
    },
    scoreFormula: (v) =>
      `Score = ${v.base}${v.terms.map((t) => ` − ${t.weight} × ${t.name.toLowerCase()}`).join("")}, at least 0`,
    legend: {
      overdue: {
        label: "Overdue",
        meaning: () => "Red: not done and past the deadline (the deadline day itself is not overdue)",
      },
      dueSoon: {
        label: "Due soon",
        meaning: (v) => `Yellow: not done, due within ${count(Number(v.days), "working day")}`,
      },
      doneLate: { label: "Done late", meaning: () => "Blue: done, but completed after the deadline" },
      data: {
        label: "Data problem",
        meaning: () =>
          "Orange: a missing value, an unreadable date or number, a duplicate, a unit not on the roster and the like; check and correct it",
      },
      merged: { label: "Merged", meaning: () => "Light blue: a cell this merge of the units' answers wrote" },
    },
    rowRef: (row) => `Row ${row}`,
    hiddenRef: (ref) => `${ref} (hidden)`,
    completionChartTitle: "Completion rate by unit",
    bulletinTitle: "Bulletin",
    bulletin,
    checkNotesTitle: "Notes on this check",
    rankChange: "Change",
    rankNew: "new",
    scoringMethod: (v) => {
      const term = (t: ScoringFacts["terms"][number]) => `${t.weight} × ${t.name.toLowerCase()}`;
      const minus = v.terms.map((t) => ` − ${term(t)}`).join("");
      const { scoring } = v;
      if (scoring.method === "points")
        return `Method: points, score = ${v.base} × points earned ÷ points possible${minus}, at least 0`;
      const lead = scoring.noPoints ? "No points in the table, so deductions: " : "Method: ";
      if (scoring.perTask) {
        const { plantRate, averageTasks, smoothing } = scoring.perTask;
        return (
          `${lead}deductions per task, score = ${v.base} − rate × ${averageTasks} (the average unit's tasks), ` +
          `rate = (deductions + ${smoothing} × ${plantRate}, the rate of all units) ÷ (tasks + ${smoothing}), ` +
          `deductions = ${v.terms.map(term).join(" + ") || "0"}, at least 0`
        );
      }
      return `${lead}deductions, score = ${v.base}${minus}, at least 0`;
    },
    scoringName: (scoring) =>
      scoring.method === "points"
        ? "scored by points (earned ÷ possible)"
        : `scored by deductions${scoring.perTask ? " per task" : ""}${scoring.noPoints ? " (the table has no points)" : ""}`,
    notRanked: "no tasks, not ranked",
    noTasks: "no tasks",
    offRosterTitle: (units) => `Not on the roster (${count(units, "unit")}, not ranked: correct them)`,
    offRosterHeader: ["As written", "Meant (suggested)", "Tasks", "Open", "Overdue"],
    groupTitle: () => "Tasks of several units (on each unit's notice, ranked for none)",
    groupHeader: ["As written", "Sent to", "Tasks", "Open", "Overdue"],
    groupSentTo: (units) => (units > 0 ? count(units, "unit") : "no unit named: not sent"),
    noticeHeading: (unit) => `Notice: ${unit}`,
    sharedTaskText: (task, word) => `${task} (${word})`,
    noticeUnaddressed: (word) => `No unit named: ${word}`,
    noticeUnaddressedLine: (v) =>
      `As of ${v.asOf} · ${v.open} open, ${v.overdue} overdue, ${v.dueSoon} due soon. The unit cell says only "${v.word}", so no notice can be sent: name the units in the task table.`,
    noticeLine: (v) =>
      `As of ${v.asOf} · ${v.open} open, ${v.overdue} overdue, ${v.dueSoon} due soon. Please finish them and report back.`,
    taskRow: "Row",
    reminder: "Reminder",
    overdueDays: (days) => `${count(days, "day")} overdue`,
    dueInWorkdays: (workdays) => `${count(workdays, "working day")} left`,
    dueToday: "Due today",
    ongoing: "Ongoing",
    statusBlank: "(blank)",
    noOpenTasks: "No open tasks to chase.",
    noticeReturnBy: (v) => `Please fill this in and send it back by ${WEEKDAYS[v.weekday - 1]} ${v.day}.`,
    noticeInputs: (v) =>
      `Yellow cells can be filled in: ${v.fields.join(", ")}. Please leave the rest as it is.`,
    statusChoices: ["Not started", "In progress", "Done"],
    statusPrompt: { title: "Status", text: "Choose from the list, or type a progress such as 60%." },
    statusWarning: {
      title: "Status",
      text: "The list offers Not started, In progress and Done. Keep what you typed?",
    },
    doneDatePrompt: (v) => ({
      title: "Completed on",
      text: `For a finished task, the day it was done, e.g. ${v.example}.`,
    }),
    doneDateError: (v) => ({
      title: "Completed on",
      text: `Please enter a date from ${v.min} to ${v.max}, e.g. ${v.example}.`,
    }),
  },
};
