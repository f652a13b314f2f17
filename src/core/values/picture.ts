// Pictures in cells (嵌入单元格图片): WPS keeps a picture placed in a cell as the formula =DISPIMG("ID_…",1), its
// picture in a part of its own (xl/cellimages.xml); a program reading the cell gets the formula's text. A clerk's
// 佐证材料 column is often such photos, and a unit answers a notice with one.

import type { CellValue } from "../workbook";

/** =DISPIMG("ID_…",1) as WPS caches it, _xlfn.DISPIMG(…) as the formula is stored, either as plain text. */
const DISPIMG = /^\s*=?\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]*)"\s*,\s*\d+\s*\)\s*$/i;

/** The picture's id (ID_9A3B…) where the cell holds a picture placed in it; undefined for any other value. */
export function pictureId(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string" || value.length > 200) return undefined;
  const match = DISPIMG.exec(value);
  return match ? match[1] : undefined;
}
