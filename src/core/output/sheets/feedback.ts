// 反馈情况 (Feedback): after a merge of the units' answers, who answered and who did not, every change applied
// and every answer not applied with why, and the files not used.

import { keptAnswers, type MergeOutcome, type RejectedAnswer } from "../../feedback/types";
import { pictureId } from "../../values/picture";
import { cellText } from "../../values/text";
import type { CellValue } from "../../workbook";
import { cell, Layout, MAX_WIDTH, type SheetContext } from "../layout";
import type { SheetSpec, SpecCell } from "../spec";

const WIDTH = 7;

/** The Feedback sheet: the units first (未反馈 at the top), then the changes, the answers not applied, the files. */
export function feedbackSheet(cx: SheetContext, merge: MergeOutcome): SheetSpec {
  const { result, catalogue: cat } = cx;
  const words = cat.output.feedback;
  const sheet = new Layout(cx, WIDTH, Array<number>(WIDTH).fill(MAX_WIDTH));
  const unused = [...merge.skipped.map((s) => s.file), ...(merge.unattributed ?? [])];
  sheet.title("feedback");
  sheet.subtitle(
    words.subtitle({
      file: result.fileName,
      round: merge.round ?? words.noRound,
      answered: merge.units.filter((u) => u.files.length > 0).length,
      units: merge.units.length,
      changes: merge.changes.length,
      rejected: merge.rejected.length,
      kept: keptAnswers(merge),
      skipped: unused.length,
    }),
  );
  const legend = cat.output.legend.merged;
  sheet.merge(sheet.add([cell(legend.label, "legendMerged"), cell(legend.meaning({}), "text")]), 1);

  sheet.blank();
  sheet.header([...words.unitsHeader]);
  for (const unit of merge.units) {
    const answered = unit.files.length > 0;
    const unusable = unit.unusable ?? [];
    sheet.add([
      cell(unit.unit, "text"),
      answered
        ? cell(words.answered, "text")
        : cell(unusable.length > 0 ? words.unusableFile : words.notAnswered, "warning"),
      // The files it answered in, then those named after it that could not be used.
      cell([...unit.files, ...unusable].join("\n"), "textWrap"),
      cell(unit.rowsUpdated, "number"),
      cell(unit.rowsRejected, "number"),
    ]);
  }

  // Where a cell of the task sheet is, and a link to it.
  const letterOf = (field: string | undefined) =>
    field === undefined ? undefined : result.columns[field as keyof typeof result.columns];
  const link = (letter: string, row: number): SpecCell => {
    const ref = `${letter}${row}`;
    return { value: ref, style: "link", link: { sheet: result.sheet, cell: ref } };
  };

  // Who still owes an answer to each task of several units: what the clerk chases before the next merge.
  const progress = merge.sharedProgress ?? [];
  if (progress.length > 0) {
    sheet.blank();
    sheet.merge(sheet.add([cell(words.sharedProgressTitle(progress.length), "sectionTitle")]));
    sheet.header([...words.sharedProgressHeader]);
    for (const task of progress)
      sheet.add([
        link(letterOf("status") ?? "A", task.row),
        cell(task.task, "textWrap"),
        cell(words.unitList(task.done), "textWrap"),
        cell(words.unitList(task.waiting), "textWrap"),
      ]);
  }

  sheet.blank();
  sheet.merge(sheet.add([cell(words.changesTitle(merge.changes.length), "sectionTitle")]));
  sheet.header([...words.changesHeader]);
  for (const change of merge.changes) {
    sheet.add([
      link(letterOf(change.field) ?? "A", change.row),
      cell(change.task, "textWrap"),
      cell(cat.fields[change.field], "text"),
      valueCell(change.old, words),
      valueCell(change.new, words),
      cell(change.file, "text"),
    ]);
  }
  if (merge.changes.length === 0) sheet.merge(sheet.add([cell(words.noChanges, "text")]));

  sheet.blank();
  sheet.merge(sheet.add([cell(words.rejectedTitle(merge.rejected.length), "sectionTitle")]));
  sheet.header([...words.rejectedHeader]);
  for (const answer of merge.rejected) {
    const letter = letterOf(answer.field);
    sheet.add([
      answer.row === undefined
        ? cell(answer.returnedRow === undefined ? "" : words.returnedRow(answer.returnedRow), "text")
        : letter === undefined
          ? cell(cat.output.rowRef(answer.row), "text")
          : link(letter, answer.row),
      cell(answer.task ?? "", "textWrap"),
      cell(answer.field === undefined ? "" : cat.fields[answer.field], "text"),
      cell(reasonText(answer, words), "textWrap"),
      valueCell(answer.master ?? null, words),
      valueCell(answer.returned ?? null, words),
      cell(answer.file, "text"),
    ]);
  }
  if (merge.rejected.length === 0) sheet.merge(sheet.add([cell(words.noRejected, "text")]));

  if (unused.length > 0) {
    sheet.blank();
    sheet.merge(sheet.add([cell(words.skippedTitle(unused.length), "sectionTitle")]));
    sheet.header([...words.skippedHeader]);
    for (const skipped of merge.skipped) {
      sheet.add([
        cell(skipped.file, "text"),
        cell(words.skippedReasons[skipped.reason], "textWrap"),
        cell(skipped.detail ?? "", "textWrap"),
      ]);
    }
    for (const file of merge.unattributed ?? [])
      sheet.add([cell(file, "text"), cell(words.unattributed, "textWrap")]);
  }

  return sheet.finish("feedback", { freezeRows: 2, repeatRows: { first: 0, last: 0 } });
}

function reasonText(answer: RejectedAnswer, words: SheetContext["catalogue"]["output"]["feedback"]): string {
  const why = words.reasons[answer.reason];
  if (answer.reason === "sharedWaiting" && answer.waitingFor)
    return why + words.waitingFor(answer.waitingFor);
  if (answer.reason !== "disagree" || !answer.other) return why;
  return why + words.disagreeWith({ file: answer.other.file, value: cellText(answer.other.value) });
}

/**
 * A cell's value as the sheet shows it: a date stays a date, a number a number; TRUE and FALSE as words; a
 * picture placed in the cell as the word for one (its formula's text says nothing to the clerk).
 */
function valueCell(value: CellValue, words: SheetContext["catalogue"]["output"]["feedback"]): SpecCell {
  if (value === null) return cell(null, "text");
  if (pictureId(value) !== undefined) return cell(words.picture, "text");
  if (typeof value === "object") return cell({ day: value.day }, "date");
  if (typeof value === "number") return cell(value, "decimal");
  return cell(typeof value === "boolean" ? cellText(value) : value, "textWrap");
}
