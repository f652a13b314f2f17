// XML parts written in UTF-16, read as the UTF-8 every reader here takes. OPC allows either encoding for a
// package's XML (ECMA-376 Part 2, 8.1.4), and Microsoft's own Excel on Windows Phone wrote every part of a
// workbook in UTF-16 with a byte order mark; Excel, POI and roo read such files. The scanner reads UTF-8 bytes
// only: a part in UTF-16 is decoded and encoded again once, as a whole, before anything reads it.

import { XmlPartError } from "./xml-error";

/** Whether a part's first bytes are XML in UTF-16: a byte order mark, or `<?` in two-byte units (XML 1.0 F.1). */
export function isUtf16Xml(bytes: Uint8Array): boolean {
  return utf16Order(bytes) !== undefined;
}

function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  // A byte order mark, then `<`: no image or binary part begins so.
  if (a === 0xff && b === 0xfe && c === 0x3c && d === 0x00) return "utf-16le";
  if (a === 0xfe && b === 0xff && c === 0x00 && d === 0x3c) return "utf-16be";
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return "utf-16le";
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return "utf-16be";
  return undefined;
}

/** The encoding pseudo-attribute of an XML declaration at the start of a text. */
const DECLARED_ENCODING = /^(<\?xml\s[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/;

/**
 * An XML part in UTF-16 as UTF-8, its declaration naming UTF-8 (a writer that edits the part writes it so);
 * any other part as it is, the same array.
 * @throws XmlPartError when the bytes are not UTF-16 (an odd length, a surrogate without its pair)
 */
export function xmlAsUtf8(bytes: Uint8Array, part: string): Uint8Array {
  const order = utf16Order(bytes);
  if (order === undefined) return bytes;
  let text: string;
  try {
    // The byte order mark is taken off (ignoreBOM is false).
    text = new TextDecoder(order, { fatal: true }).decode(bytes);
  } catch {
    throw new XmlPartError(part, "malformed", `not ${order.toUpperCase()}, as it begins`);
  }
  return new TextEncoder().encode(text.replace(DECLARED_ENCODING, "$1$2UTF-8$2"));
}
