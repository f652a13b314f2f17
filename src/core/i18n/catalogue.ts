// The shape every locale's catalogue fills in, and the functions that word findings at the edge.

import type { RejectReason, SkippedReason } from "../feedback/types";
import type { MessageValue } from "../findings";
import type { HighlightKind } from "../output/highlights";
import type { GeneratedKind, ValidationMessage } from "../output/spec";
import type { RuleId, Severity } from "../settings";
import type { Scoring } from "../ranking";
import type { SummaryCount, SummaryLine } from "../summary";
import type { Field } from "../table/fields";
import type { TableProblem } from "../table/locate";
import { MESSAGE_IDS, NOTICE_IDS, type MessageId, type NoticeId } from "./messages";

type Values = Readonly<Record<string, MessageValue | undefined>>;
type Wording = (values: Values) => string;

export { MESSAGE_IDS, NOTICE_IDS, type MessageId, type NoticeId };

export interface Catalogue {
  readonly fields: Readonly<Record<Field, string>>;
  readonly rules: Readonly<Record<RuleId, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly messages: Readonly<Record<MessageId, Wording>>;
  readonly notices: Readonly<Record<NoticeId, Wording>>;
  readonly tableProblems: Readonly<Record<TableProblem["problem"], Wording>>;
  readonly words: Readonly<Record<WordId, string>>;
  /** The generated sheets' names, titles, legend, notices and bulletin. */
  readonly output: OutputWording;
}

/** What the bulletin (通报) is built from: the check's own numbers (the total line's counts), units by name. */
export interface BulletinFacts extends Pick<SummaryLine, SummaryCount | "missingInstances"> {
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly sheet: string;
  readonly dueSoonDays: number;
  /** Already worded, e.g. "66.7%". */
  readonly completionRate: string;
  /** The units with the most overdue tasks, most first (at most three); group words are not among them. */
  readonly overdueLeaders: ReadonlyArray<{ readonly unit: string; readonly overdue: number }>;
  /** Overdue tasks of several units (各单位, 各区队), by the group word written, where there are any. */
  readonly sharedOverdue: ReadonlyArray<{ readonly unit: string; readonly overdue: number }>;
  /** The units ranked first, and those ranked last when that is another rank. */
  readonly top?: { readonly units: readonly string[]; readonly score: number };
  readonly bottom?: { readonly units: readonly string[]; readonly score: number };
  /** How the ranking scored, as scoringName words it. */
  readonly method: string;
  /** Units written in the table that are not on the roster, with the roster name each most likely means. */
  readonly offRoster: ReadonlyArray<{
    readonly unit: string;
    readonly suggestion?: string;
    readonly tasks: number;
  }>;
  /**
   * Since the check compared with (absent on a first check): the units that rose most and fell most, by rank
   * and among equal moves by score, each list empty when no unit moved that way. Tied units share the move.
   */
  readonly trend?: {
    /** YYYY-MM-DD */
    readonly since: string;
    readonly improved: TrendMove;
    readonly declined: TrendMove;
  };
  /** The units with the most omissions (漏项), most first: the top three, and any tied with the third. */
  readonly omissionLeaders: ReadonlyArray<{ readonly unit: string; readonly omissions: number }>;
}

/** Units that moved alike since the last check: places in rank (up positive) and the score's change. */
export interface TrendMove {
  readonly units: readonly string[];
  readonly rankChange: number;
  /** Absent when the scores do not compare (no earlier score, or another scoring method then). */
  readonly scoreChange?: number;
}

/** The words of the 考核记录 / History sheet. */
export interface HistoryWording {
  /** Under the title: the checks shown, their first and last day, and the day the changes are against. */
  readonly subtitle: (v: {
    file: string;
    checks: number;
    from: string;
    to: string;
    method: string;
    since?: string;
  }) => string;
  /** The column of one line a unit, for a phone: this check's score, its move and its rank. */
  readonly latest: string;
  readonly latestLine: (v: { score: number; rank: number; change?: string }) => string;
  /** In the latest column of a unit ranked before but not this time. */
  readonly notRankedNow: string;
  readonly scoreChange: string;
  /** The line chart of scores over the checks, of the `shown` best-ranked units of `units`. */
  readonly chartTitle: (v: { shown: number; units: number }) => string;
}

/** What the ranking sheet's formula line is built from: the scoring used and the deduction terms in force. */
export interface ScoringFacts {
  readonly scoring: Scoring;
  readonly base: number;
  readonly terms: ReadonlyArray<{ weight: number; name: string }>;
}

/** The 反馈情况 sheet's words: who answered, what the merge changed and what it did not, with why. */
export interface FeedbackWording {
  /** Under the title: the master, the round merged (`round` already worded) and what came of it. */
  readonly subtitle: (v: {
    file: string;
    round: string;
    answered: number;
    units: number;
    changes: number;
    rejected: number;
    /** Of those not applied, the done answers to tasks of several units kept for a later merge. */
    kept: number;
    skipped: number;
  }) => string;
  /** When no notice of a round was merged (only plain copies). */
  readonly noRound: string;
  /** The units table's columns: unit, answered or not, files, rows updated, rows not applied. */
  readonly unitsHeader: readonly [string, string, string, string, string];
  /**
   * The tasks of several units that some units have answered done and others not yet, and the columns: the
   * status cell, the task, the units that have answered done, the units still to answer.
   */
  readonly sharedProgressTitle: (tasks: number) => string;
  readonly sharedProgressHeader: readonly [string, string, string, string];
  /** Units listed in one cell. */
  readonly unitList: (units: readonly string[]) => string;
  readonly answered: string;
  readonly notAnswered: string;
  /** A unit that has not answered, but whose file (named after it) could not be used: listed below with why. */
  readonly unusableFile: string;
  readonly changesTitle: (count: number) => string;
  /** The changes' columns: cell, task, field, old value, new value, file. */
  readonly changesHeader: readonly [string, string, string, string, string, string];
  readonly noChanges: string;
  readonly rejectedTitle: (count: number) => string;
  /** The answers not applied: cell or row, task, field, why, the master's value, the returned value, file. */
  readonly rejectedHeader: readonly [string, string, string, string, string, string, string];
  readonly noRejected: string;
  readonly reasons: Readonly<Record<RejectReason, string>>;
  /** A picture placed in a cell (WPS's 嵌入单元格图片), as a notice and this sheet show the cell. */
  readonly picture: string;
  /** After the disagree reason: the other return's file and value. */
  readonly disagreeWith: (v: { file: string; value: string }) => string;
  /** After the sharedWaiting reason: the units the task names that have not answered it done yet. */
  readonly waitingFor: (units: readonly string[]) => string;
  /** A returned row that matched no master row, by its row in the returned file. */
  readonly returnedRow: (row: number) => string;
  readonly skippedTitle: (count: number) => string;
  /** The files not used: file, why, and what the host said was wrong where it did. */
  readonly skippedHeader: readonly [string, string, string];
  readonly skippedReasons: Readonly<Record<SkippedReason, string>>;
  /** A file read that answers for no unit (a copy of the master with nothing changed). */
  readonly unattributed: string;
}

/** The words of the 网络推进图 / progress chart. */
export interface ProgressWording {
  readonly subtitle: (v: {
    file: string;
    open: number;
    done: number;
    recentDays: number;
    scale: "week" | "month";
    from: string;
    to: string;
    /** Tasks without a deadline day, not drawn. */
    undated: number;
    /** Tasks past the chart's `limit`, the least urgent, not drawn. */
    notDrawn: number;
    limit: number;
  }) => string;
  /** Task, unit, start, deadline, status. */
  readonly header: readonly [string, string, string, string, string];
  /** The as-of column's header. */
  readonly today: string;
  readonly legend: {
    readonly planned: string;
    readonly done: string;
    readonly late: string;
    readonly overdue: string;
    readonly today: (asOf: string) => string;
  };
  /** A month (1-12) over its weeks, or under its year. */
  readonly month: (month: number) => string;
  readonly year: (year: number) => string;
  readonly noTasks: string;
}

export interface OutputWording {
  readonly sheetNames: Readonly<Record<GeneratedKind, string>>;
  /** Row 1 of every generated sheet: what it is, the source sheet and the as-of day. */
  readonly title: (v: { name: string; sheet: string; asOf: string }) => string;
  readonly issuesSubtitle: (v: {
    file: string;
    tasks: number;
    findings: number;
    error: number;
    warning: number;
    info: number;
  }) => string;
  readonly summarySubtitle: (v: {
    file: string;
    tasks: number;
    units: number;
    /** Roster units with no task, listed after the others. */
    idle: number;
    completionRate: string;
  }) => string;
  readonly rankingSubtitle: (v: {
    file: string;
    units: number;
    formula: string;
    previous?: string;
  }) => string;
  readonly noticesSubtitle: (v: { file: string; units: number; tasks: number }) => string;
  readonly omissionsSubtitle: (v: { file: string; spec: string; omissions: number; units: number }) => string;
  /** The omissions sheet's columns: task, unit, period, deadline, days past due, the specification row. */
  readonly omissionsHeader: readonly [string, string, string, string, string, string];
  readonly feedback: FeedbackWording;
  readonly progress: ProgressWording;
  readonly history: HistoryWording;
  /** The score rule as a formula: 得分 = 100 − 2×逾期 − … */
  readonly scoreFormula: (v: {
    base: number;
    terms: ReadonlyArray<{ weight: number; name: string }>;
  }) => string;
  readonly legend: Readonly<Record<HighlightKind, { readonly label: string; readonly meaning: Wording }>>;
  /** The cell column of a finding about a whole row. */
  readonly rowRef: (row: number) => string;
  /** The cell column of a finding in a row the person hid or filtered away. */
  readonly hiddenRef: (ref: string) => string;
  /** The title of 汇总's chart of completion by unit (its series is named by words.completionRate). */
  readonly completionChartTitle: string;
  readonly bulletinTitle: string;
  readonly bulletin: (facts: BulletinFacts) => string;
  /**
   * The summary's section under the bulletin with the check's notices (a roster or holiday sheet not found, a
   * calendar assumed): what the pane and the command line say, for whoever reads the workbook without them.
   */
  readonly checkNotesTitle: string;
  readonly rankChange: string;
  readonly rankNew: string;
  /** The method and its formula, for the ranking sheet: 计分方法：… */
  readonly scoringMethod: (v: ScoringFacts) => string;
  /** The method in a few words, for the summary and the bulletin: 按扣分率计分 */
  readonly scoringName: (scoring: Scoring) => string;
  /** In the score column of a roster unit listed without a rank. */
  readonly notRanked: string;
  /** In the summary's completion rate of a roster unit with no task (listed, not ranked). */
  readonly noTasks: string;
  /** The summary's section of units not on the roster, and its columns: as written, suggested name, tasks, open, overdue. */
  readonly offRosterTitle: (units: number) => string;
  readonly offRosterHeader: readonly [string, string, string, string, string];
  /**
   * The summary's section of group words (各单位, 各区队): tasks of several units, sent to each and ranked for
   * none; its columns: as written, sent to, tasks, open, overdue.
   */
  readonly groupTitle: (words: number) => string;
  readonly groupHeader: readonly [string, string, string, string, string];
  /** In the sent-to column: how many units the word's tasks went to, or that it names none (相关单位). */
  readonly groupSentTo: (units: number) => string;
  readonly noticeHeading: (unit: string) => string;
  /** A task on a unit's 督办单 page that a group word gives to it and to others: the task and the word. */
  readonly sharedTaskText: (task: string, word: string) => string;
  readonly noticeLine: (v: { asOf: string; open: number; overdue: number; dueSoon: number }) => string;
  /** The section of open tasks whose unit cell names no unit a notice can go to (相关单位), and its line. */
  readonly noticeUnaddressed: (word: string) => string;
  readonly noticeUnaddressedLine: (v: {
    word: string;
    asOf: string;
    open: number;
    overdue: number;
    dueSoon: number;
  }) => string;
  readonly taskRow: string;
  readonly reminder: string;
  readonly overdueDays: (days: number) => string;
  readonly dueInWorkdays: (workdays: number) => string;
  readonly dueToday: string;
  readonly ongoing: string;
  readonly statusBlank: string;
  readonly noOpenTasks: string;
  /** A unit's notice made to be answered: by when to send it back (`weekday` 1 Monday … 7 Sunday). */
  readonly noticeReturnBy: (v: { day: string; weekday: number }) => string;
  /** The line in the input colour that names the fields a unit fills in. */
  readonly noticeInputs: (v: { fields: readonly string[] }) => string;
  /** The status drop-down's words: each one the status reader takes as done or open. */
  readonly statusChoices: readonly string[];
  readonly statusPrompt: ValidationMessage;
  /** Shown when a status is not one of the choices (a warning: a progress such as 60% is taken too). */
  readonly statusWarning: ValidationMessage;
  readonly doneDatePrompt: (v: { example: string }) => ValidationMessage;
  readonly doneDateError: (v: { min: string; max: string; example: string }) => ValidationMessage;
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
  | "listSeparator"
  | "none"
  | "reading"
  | "checking"
  | "moreFindings"
  | "noUnit"
  | "noCategory";
