// The smallest package Duban reads as a workbook: one worksheet 任务, and the styles and shared strings parts
// when a test gives them. For tests about how a sheet's XML is read, whatever else a workbook holds.

import { strToU8, zipSync } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** The content types and package relationships every package here has: the workbook part is the document. */
export function packageFrame(rel = REL): Record<string, Uint8Array> {
  return {
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  };
}

export function oneSheetWorkbook(
  sheet: string | Uint8Array,
  parts: { readonly styles?: string; readonly sharedStrings?: string } = {},
): Uint8Array {
  const related = [
    ["worksheet", "worksheets/sheet1.xml"],
    ...(parts.styles === undefined ? [] : [["styles", "styles.xml"]]),
    ...(parts.sharedStrings === undefined ? [] : [["sharedStrings", "sharedStrings.xml"]]),
  ];
  return zipSync({
    ...packageFrame(),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        related
          .map(
            ([type, target], i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`,
          )
          .join("") +
        `</Relationships>`,
    ),
    ...(parts.styles === undefined ? {} : { "xl/styles.xml": strToU8(parts.styles) }),
    ...(parts.sharedStrings === undefined ? {} : { "xl/sharedStrings.xml": strToU8(parts.sharedStrings) }),
    "xl/worksheets/sheet1.xml": typeof sheet === "string" ? strToU8(sheet) : sheet,
  });
}
