// Returned notices as units send them back: the master's answerable notices (the xlsx host's noticeWorkbooks),
// each answered in its open cells through the xlsx host, as a unit fills in its yellow cells.

import { checkWorkbook, readNoticeRecord, type Day, type Settings } from "../../src/core";
import {
  noticeWorkbooks,
  OpcPackage,
  readPackage,
  readWorkbookBytes,
  setCellValues,
} from "../../src/hosts/xlsx/universal";

export interface AnsweredNotice {
  readonly unit: string;
  /** `<unit>.xlsx` */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The master rows (1-based) the unit answered 已完成. */
  readonly rows: readonly number[];
}

/**
 * The first `units` units' notices for the master as of `asOf`, every second task of each answered
 * 已完成 with `asOf` as its completion date and a note.
 */
export async function answeredNotices(
  master: Uint8Array,
  asOf: Day,
  settings: Settings,
  units: number,
): Promise<AnsweredNotice[]> {
  const workbook = await readWorkbookBytes(master, "tasks.xlsx");
  const result = checkWorkbook(workbook, { asOf, settings });
  const files = noticeWorkbooks(result, { settings, locale: "zh-CN", workbook }).slice(0, units);
  const notices: AnsweredNotice[] = [];
  for (const file of files) {
    const name = `${file.unit}.xlsx`;
    const pkg = OpcPackage.open(file.bytes, name);
    const record = readNoticeRecord(await readPackage(pkg, name))!;
    const { status, doneDate, note } = record.columns;
    const answered = record.rows.filter((_, i) => i % 2 === 0);
    setCellValues(
      pkg,
      record.noticeSheet,
      answered.flatMap((row) => [
        ...(status !== undefined ? [{ row: row.noticeRow, column: status, value: "已完成" }] : []),
        ...(doneDate !== undefined ? [{ row: row.noticeRow, column: doneDate, value: { day: asOf } }] : []),
        ...(note !== undefined ? [{ row: row.noticeRow, column: note, value: "已按要求办结" }] : []),
      ]),
    );
    notices.push({ unit: file.unit, name, bytes: pkg.toBytes(), rows: answered.map((row) => row.masterRow) });
  }
  return notices;
}
