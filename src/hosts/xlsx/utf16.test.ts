// XML parts in UTF-16 read as UTF-8: by byte order mark or without one, little- and big-endian, the
// declaration made to name UTF-8; anything else left as it is; bytes that are not UTF-16 refused.

import { utf16 } from "../../../test/helpers/utf16";
import { isUtf16Xml, xmlAsUtf8 } from "./utf16";
import { XmlPartError } from "./xml-error";

const XML = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\r\n<t>督办 𝄞</t>`;
const AS_UTF8 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<t>督办 𝄞</t>`;

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("xmlAsUtf8", () => {
  test.each<[string, Uint8Array, string]>([
    ["UTF-16LE with a byte order mark (Excel on Windows Phone)", utf16(XML, "le", true), AS_UTF8],
    ["UTF-16BE with a byte order mark", utf16(XML, "be", true), AS_UTF8],
    ["UTF-16LE without one", utf16(XML, "le", false), AS_UTF8],
    ["UTF-16BE without one", utf16(XML, "be", false), AS_UTF8],
    [
      "single quotes kept, other pseudo-attributes as they were",
      utf16(`<?xml version='1.0' encoding='utf-16'?><t/>`, "le", true),
      `<?xml version='1.0' encoding='UTF-8'?><t/>`,
    ],
    ["no declaration: the text alone", utf16(`<t>a</t>`, "le", true), `<t>a</t>`],
    [
      "a declaration without an encoding keeps having none",
      utf16(`<?xml version="1.0"?><t/>`, "be", false),
      `<?xml version="1.0"?><t/>`,
    ],
    [
      "only the declaration's encoding changes, not a text that looks like one",
      utf16(`<t>encoding="x"</t>`, "le", true),
      `<t>encoding="x"</t>`,
    ],
  ])("%s", (_, bytes, expected) => {
    expect(isUtf16Xml(bytes)).toBe(true);
    expect(text(xmlAsUtf8(bytes, "xl/workbook.xml"))).toBe(expected);
  });

  test.each<[string, Uint8Array]>([
    ["UTF-8", utf8(AS_UTF8)],
    ["UTF-8 with its byte order mark", utf8(`\uFEFF${AS_UTF8}`)],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])],
    ["printer settings (a device name in UTF-16LE, no `<`)", utf16("Microsoft Print to PDF", "le", false)],
    ["a UTF-16 byte order mark before something other than XML", new Uint8Array([0xff, 0xfe, 0x41, 0x00])],
    ["nothing", new Uint8Array(0)],
  ])("%s is left as it is, the same array", (_, bytes) => {
    expect(isUtf16Xml(bytes)).toBe(false);
    expect(xmlAsUtf8(bytes, "xl/part.bin")).toBe(bytes);
  });

  test.each<[string, Uint8Array]>([
    ["an odd number of bytes", new Uint8Array([...utf16("<t/>", "le", true), 0x3e])],
    ["a surrogate without its pair", utf16("<t>\uD800</t>", "be", true)],
  ])("%s is refused, naming the part", (_, bytes) => {
    expect(() => xmlAsUtf8(bytes, "xl/worksheets/sheet1.xml")).toThrow(XmlPartError);
    expect(() => xmlAsUtf8(bytes, "xl/worksheets/sheet1.xml")).toThrow(/sheet1\.xml: not UTF-16/);
  });
});
