// Text as UTF-16 bytes, for parts written so (Excel on Windows Phone wrote every part of a workbook in UTF-16).

/** Text as UTF-16 bytes, little- or big-endian, with a byte order mark or without. */
export function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const units = bom ? `\uFEFF${text}` : text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[i * 2 + (order === "le" ? 0 : 1)] = unit & 0xff;
    bytes[i * 2 + (order === "le" ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}
