// 督办单 (Notices): one printed page per unit with open work, most urgent first, with what to remind it of.

import type { Finding } from "../../findings";
import type { Catalogue } from "../../i18n/catalogue";
import type { TaskRow } from "../../table/rows";
import { cell, Layout, type SheetContext } from "../layout";
import type { SheetSpec, SpecCell } from "../spec";

type Urgency = "overdue" | "dueSoon" | "open";
const URGENCY_ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, dueSoon: 1, open: 2 };

/** Every unit's notice, or only `onlyUnit`'s. */
export function noticesSheet(cx: SheetContext, onlyUnit?: string): SheetSpec {
  const { result, catalogue: cat } = cx;
  const out = cat.output;
  const sheet = new Layout(cx, 5);
  const progress = new Map<number, Finding>();
  for (const finding of result.findings) {
    if (finding.taskIndex === undefined) continue;
    if (finding.rule === "overdue" || (finding.rule === "due-soon" && !progress.has(finding.taskIndex)))
      progress.set(finding.taskIndex, finding);
  }
  const urgency = (row: TaskRow): Urgency => {
    const rule = progress.get(row.index)?.rule;
    return rule === "overdue" ? "overdue" : rule === "due-soon" ? "dueSoon" : "open";
  };
  // The summary's order (the roster's, else first appearance), so notices follow the ranking sheet's units.
  const units = onlyUnit === undefined ? result.summary.units.map((u) => u.name) : [onlyUnit];
  const byUnit = new Map<string, TaskRow[]>(units.map((unit) => [unit, []]));
  for (const row of result.rows) {
    if (row.unit === "" || row.status.kind === "done") continue;
    if (onlyUnit !== undefined && row.unit !== onlyUnit) continue;
    let list = byUnit.get(row.unit);
    if (!list) byUnit.set(row.unit, (list = []));
    list.push(row);
  }
  const sections = [...byUnit].filter(([, rows]) => rows.length > 0);

  sheet.title("notices");
  sheet.subtitle(
    out.noticesSubtitle({
      file: result.fileName,
      units: sections.length,
      tasks: sections.reduce((n, [, rows]) => n + rows.length, 0),
    }),
  );
  const pageBreaksBefore: number[] = [];
  sections.forEach(([unit, rows], i) => {
    if (i > 0) sheet.blank();
    const heading = sheet.add([cell(out.noticeHeading(unit), "sectionTitle")]);
    sheet.merge(heading);
    if (i > 0) pageBreaksBefore.push(heading);
    const urgencies = rows.map(urgency);
    sheet.merge(
      sheet.add([
        cell(
          out.noticeLine({
            asOf: cx.asOf,
            open: rows.length,
            overdue: urgencies.filter((u) => u === "overdue").length,
            dueSoon: urgencies.filter((u) => u === "dueSoon").length,
          }),
          "subtitle",
        ),
      ]),
    );
    sheet.header([out.taskRow, cat.words.task, cat.fields.deadline, cat.fields.status, out.reminder]);
    const ordered = rows
      .map((row, k) => ({ row, urgency: urgencies[k]! }))
      .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || a.row.row - b.row.row);
    for (const { row } of ordered) {
      sheet.add([
        cell(row.row, "number"),
        cell(row.task, "textWrap"),
        deadlineCell(row, cat),
        cell(statusText(row, cat), "text"),
        reminderCell(progress.get(row.index), cat),
      ]);
    }
  });
  if (sections.length === 0) sheet.merge(sheet.add([cell(out.noOpenTasks, "text")]));
  return sheet.finish("notices", {
    freezeRows: 2,
    // The title carries the source sheet and the as-of day onto every page sent out.
    repeatRows: { first: 0, last: 0 },
    ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore } : {}),
  });
}

function deadlineCell(row: TaskRow, cat: Catalogue): SpecCell {
  switch (row.deadline.kind) {
    case "day":
      return cell({ day: row.deadline.day }, "date");
    case "ongoing":
      return cell(cat.output.ongoing, "text");
    case "invalid":
      return cell(row.deadline.text, "text");
    default:
      return cell(null, "text");
  }
}

/** The status as the clerk wrote it, or a word for a blank one. */
function statusText(row: TaskRow, cat: Catalogue): string {
  return row.statusText === "" ? cat.output.statusBlank : row.statusText;
}

function reminderCell(finding: Finding | undefined, cat: Catalogue): SpecCell {
  if (finding?.rule === "overdue")
    return cell(cat.output.overdueDays(Number(finding.values.days)), "legendOverdue");
  if (finding?.rule === "due-soon")
    return finding.messageId === "dueToday"
      ? cell(cat.output.dueToday, "legendDueSoon")
      : cell(cat.output.dueInWorkdays(Number(finding.values.workdays)), "legendDueSoon");
  return cell(null, "text");
}
