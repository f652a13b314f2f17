// Pictures in cells (嵌入单元格图片): WPS keeps a picture placed in a cell as the formula =DISPIMG("ID_…",1), its
// picture in a part of its own (xl/cellimages.xml); a program reading the cell gets the formula's text. A clerk's
// 佐证材料 column is often such photos, and a unit answers a notice with one.

import type { CellValue } from "../workbook";

/**
 * How notices and the Feedback sheet show a picture placed in a cell, in each language (the catalogues' word):
 * here, for the merge to know the word back without loading the catalogues.
 */
export const PICTURE_WORDS = { "zh-CN": "[图片]", "en-US": "[picture]" } as const;

/** =DISPIMG("ID_…",1) as WPS caches it, _xlfn.DISPIMG(…) as the formula is stored, either as plain text. */
const DISPIMG = /^\s*=?\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]*)"\s*,\s*\d+\s*\)\s*$/i;

/**
 * What a host gives for a picture it reads as one (Excel's Place in Cell, whose cell is stored as #VALUE!):
 * the object replacement character, then an id of the picture in its workbook.
 */
const PICTURE_MARK = "\uFFFC";

/** A picture placed in a cell, as a host gives it to the engine (see pictureId). */
export function pictureCell(id: string): string {
  return `${PICTURE_MARK}${id}`;
}

/**
 * The picture's id (ID_9A3B… for WPS's, the host's id for one it read as a picture) where the cell holds a
 * picture placed in it; undefined for any other value.
 */
export function pictureId(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string" || value.length > 200) return undefined;
  if (value.startsWith(PICTURE_MARK)) return value.slice(PICTURE_MARK.length);
  // Most texts are words: told apart by their first character before any pattern is tried.
  const first = value.charCodeAt(0);
  if (first !== 0x3d /* = */ && first !== 0x5f /* _ */ && (first | 0x20) !== 0x64 /* d */ && first !== 0x20)
    return undefined;
  const match = DISPIMG.exec(value);
  return match ? match[1] : undefined;
}
