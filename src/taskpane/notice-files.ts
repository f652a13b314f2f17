// Each unit's answerable notice workbook (督办单), made with the xlsx host's browser entry: the Excel host
// writes no files, so the pane hands it this maker (as it hands it the returns' reader).

import type { NoticeFileOut, NoticeMaker } from "../hosts/contract";
import { noticeWorkbooks } from "../hosts/xlsx/universal";

export const makeNoticeFiles: NoticeMaker = async (result, workbook, { settings, locale }) =>
  noticeWorkbooks(result, { settings, locale, workbook }).map(({ unit, bytes }) => ({ unit, bytes }));

/**
 * The files' names to download, as `duban notices` names them: <prefix>-<unit>.xlsx (督办单-综采一队.xlsx), the characters a file
 * name cannot hold made `_`, and a second unit that comes out the same numbered.
 */
export function noticeFileNames(files: readonly NoticeFileOut[], prefix: string): string[] {
  const taken = new Set<string>();
  return files.map(({ unit }) => {
    const base = `${prefix}-${unit.replace(/[\\/:*?"<>|\s]+/g, "_")}`;
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    taken.add(name.toLowerCase());
    return name;
  });
}
