// The notice's own record, kept in a very hidden sheet of the notice workbook as the workbook's record is
// (JSON in pieces down column A): a sheet survives openpyxl, LibreOffice and WPS re-saving a file, where a
// custom XML part or a defined name does not always.

import { formatDay } from "../day";
import type { ParsedDate } from "../values/date";
import { markedJsonCells, markedJsonText } from "../output/record";
import { normalizeText } from "../values/text";
import type { WorkbookModel } from "../workbook";
import { NOTICE_RECORD_SHEET, type NoticeRecord } from "./types";

const MARKER = "Duban notice v1";

/** The record's cells, top to bottom in column A of NOTICE_RECORD_SHEET. */
export function noticeRecordCells(record: NoticeRecord): string[] {
  return markedJsonCells(MARKER, record);
}

/** The notice record a returned workbook carries, or undefined when it has none or it cannot be read. */
export function readNoticeRecord(workbook: WorkbookModel): NoticeRecord | undefined {
  const json = markedJsonText(workbook, NOTICE_RECORD_SHEET, MARKER);
  if (json === undefined) return undefined;
  try {
    const record = JSON.parse(json) as NoticeRecord;
    return record?.version === 1 && record.kind === "notice" && Array.isArray(record.rows)
      ? record
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What identifies a task row whatever its position: its task, unit and deadline as written, white space and
 * full-width forms folded, so that a re-save that trims a cell or a sort of the master does not lose it.
 */
export function fingerprint(task: string, unit: string, deadline: ParsedDate): string {
  return fnv1a([task, unit, deadlineKey(deadline)].map((part) => normalizeText(part)).join("\u0001"));
}

/** A deadline as compared: the day however it was written (a date cell, 2026/3/1, 3月1日), else its kind or text. */
function deadlineKey(deadline: ParsedDate): string {
  switch (deadline.kind) {
    case "day":
      return formatDay(deadline.day);
    case "invalid":
      return deadline.text;
    default:
      return deadline.kind;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: short enough to keep per row, and a collision only costs a fallback match. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
