// 问题清单 (Issues): every finding, most severe first, each linked to its cell, under the colour legend.

import { bySeverity } from "../../check";
import { inHiddenRow, type Finding } from "../../findings";
import { findingPlace, formatFinding } from "../../i18n";
import type { HighlightKind } from "../highlights";
import { cell, Layout, MAX_WIDTH, type SheetContext } from "../layout";
import type { SheetSpec, StyleName } from "../spec";

/** 红黄蓝预警 as people say it, then orange; the merged colour's legend is on the Feedback sheet. */
const LEGEND_ORDER: readonly HighlightKind[] = ["overdue", "dueSoon", "doneLate", "data"];
const LEGEND_STYLE: Readonly<Record<HighlightKind, StyleName>> = {
  overdue: "legendOverdue",
  dueSoon: "legendDueSoon",
  doneLate: "legendDoneLate",
  data: "legendData",
  merged: "legendMerged",
};

/** The issues sheet: the legend in the frozen rows, then one row per finding. */
export function issuesSheet(cx: SheetContext): SheetSpec {
  const { result, catalogue: cat } = cx;
  const w = cat.words;
  // The task column gives way to the message, which says what to do.
  const sheet = new Layout(cx, 6, [MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, 36, MAX_WIDTH]);
  const count = (severity: Finding["severity"]) =>
    result.findings.filter((f) => f.severity === severity).length;
  sheet.title("issues");
  sheet.subtitle(
    cat.output.issuesSubtitle({
      file: result.fileName,
      tasks: result.rows.length,
      findings: result.findings.length,
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
    }),
  );
  // The legend sits above the header, inside the frozen rows: always in view, never hidden by a filter.
  for (const kind of LEGEND_ORDER) {
    const legend = cat.output.legend[kind];
    const row = sheet.add([
      cell(legend.label, LEGEND_STYLE[kind]),
      cell(legend.meaning({ days: cx.settings.dueSoonDays }), "text"),
    ]);
    sheet.merge(row, 1);
  }
  const header = sheet.header([w.severity, w.rule, w.cell, w.unit, w.task, w.message]);
  // A link to a hidden row leads nowhere the person can see: the cell says why.
  const hidden = inHiddenRow(result);
  for (const finding of [...result.findings].sort(bySeverity)) {
    const ref = finding.column ? `${finding.column}${finding.row}` : `A${finding.row}`;
    const shown = findingPlace(finding, cx.locale, hidden(finding));
    sheet.add([
      cell(cat.severities[finding.severity], finding.severity),
      cell(cat.rules[finding.rule], "text"),
      {
        value: finding.sheet === result.sheet ? shown : `${finding.sheet}!${shown}`,
        style: "link",
        link: { sheet: finding.sheet, cell: ref },
      },
      cell(finding.unit ?? "", "text"),
      cell(finding.task ?? "", "textWrap"),
      cell(formatFinding(finding, cx.locale), "textWrap"),
    ]);
  }
  if (result.findings.length === 0) sheet.merge(sheet.add([cell(w.noFindings, "text")]));
  return sheet.finish("issues", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: 5 },
    repeatRows: { first: header, last: header },
  });
}
