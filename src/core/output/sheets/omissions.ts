// 漏项清单 (Omissions): what a ledger lacks against its specification, where one was checked against the other.

import { parseIsoDay } from "../../day";
import { formatPeriod } from "../../recurring/period-label";
import { cell, Layout, MAX_WIDTH, type SheetContext } from "../layout";
import type { SheetSpec } from "../spec";

/** 漏项清单: each (task, unit, period) the ledger lacks, most overdue first, linked to its specification row. */
export function omissionsSheet(cx: SheetContext): SheetSpec {
  const { result, catalogue: cat } = cx;
  const omissions = result.findings
    .filter((f) => f.rule === "missing-instance")
    .sort((a, b) => Number(b.values.daysPastDue ?? 0) - Number(a.values.daysPastDue ?? 0) || a.row - b.row);
  const sheet = new Layout(cx, 6, [MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH]);
  sheet.title("omissions");
  sheet.subtitle(
    cat.output.omissionsSubtitle({
      file: result.fileName,
      spec: omissions[0]?.sheet ?? "",
      omissions: omissions.length,
      units: new Set(omissions.map((f) => f.unit)).size,
    }),
  );
  const header = sheet.header([...cat.output.omissionsHeader]);
  for (const finding of omissions) {
    const deadline =
      typeof finding.values.deadline === "string" ? parseIsoDay(finding.values.deadline) : undefined;
    const ref = `${finding.column ?? "A"}${finding.row}`;
    sheet.add([
      cell(finding.task ?? "", "textWrap"),
      cell(finding.unit ?? "", "text"),
      cell(finding.period ? formatPeriod(finding.period, cx.locale) : "", "text"),
      deadline === undefined ? cell("", "text") : cell({ day: deadline }, "date"),
      cell(typeof finding.values.daysPastDue === "number" ? finding.values.daysPastDue : null, "number"),
      { value: `${finding.sheet}!${ref}`, style: "link", link: { sheet: finding.sheet, cell: ref } },
    ]);
  }
  return sheet.finish("omissions", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: 5 },
    repeatRows: { first: header, last: header },
  });
}
