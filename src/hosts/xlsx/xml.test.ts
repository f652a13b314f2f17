// The XML layer the xlsx write path edits through: parsed offsets, edits, attributes set in place, containers
// opened, and the byte scanner that finds a large sheet's sheetData without parsing its cells.

import {
  appendInside,
  applyEdits,
  escapeAttr,
  inlineStringXml,
  joinOutline,
  locateTopLevel,
  outline,
  parseXml,
  setAttributeInTag,
  XmlPartError,
  type XmlElement,
} from "./xml";
import { thrown } from "../../../test/helpers/thrown";

const bytes = (text: string) => new TextEncoder().encode(text);
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

describe("parseXml", () => {
  // Each element's start tag and end tag, as the offsets cut them out of the text.
  it.each([
    ["plain", `<a><b x="1"/><c>t</c></a>`],
    [
      "prolog, comment, PI and CDATA",
      `<?xml version="1.0"?>\n<!-- <b> --><a><?pi <b/>?><b><![CDATA[</b>]]></b></a>`,
    ],
    ["CRLF and whitespace in tags", `<a\r\n  x = 'y' >\r\n<b\t/>\r\n<c ></c >\r\n</a >`],
    ["characters outside the BMP and CJK", `<a>😀任务<b v="😀"/>😀<c>😀</c></a>`],
    ["prefixes", `<x:a xmlns:x="urn:x" xmlns="urn:d"><x:b/><c><x:d></x:d></c></x:a>`],
    ["a > in an attribute value", `<a t="1 > 0"><b t="/>"/></a>`],
  ])("%s: offsets cut out each tag", (_, text) => {
    const doc = parseXml(text, "test.xml");
    for (const element of allElements(doc.root)) {
      const open = text.slice(element.start, element.openEnd);
      expect(open).toMatch(new RegExp(`^<${element.name}[\\s/>]`));
      expect(open.endsWith(element.selfClosing ? "/>" : ">")).toBe(true);
      if (element.selfClosing) {
        expect([element.closeStart, element.end]).toEqual([element.openEnd, element.openEnd]);
      } else {
        expect(text.slice(element.closeStart, element.end)).toMatch(new RegExp(`^</${element.name}\\s*>$`));
      }
    }
  });

  it("gives names, namespaces and the bindings in scope", () => {
    const doc = parseXml(`<x:a xmlns:x="urn:x"><b xmlns="urn:d" xmlns:r="urn:r" r:id="1"/></x:a>`, "t.xml");
    const b = doc.root.children[0]!;
    expect([doc.root.prefix, doc.root.local, doc.root.uri]).toEqual(["x", "a", "urn:x"]);
    expect([b.prefix, b.local, b.uri]).toEqual(["", "b", "urn:d"]);
    expect(b.attributes.find((a) => a.local === "id")).toMatchObject({ uri: "urn:r", value: "1" });
    expect(Object.fromEntries(b.scope)).toMatchObject({ x: "urn:x", "": "urn:d", r: "urn:r" });
    expect(doc.root.scope.has("r")).toBe(false);
  });

  it("keeps text and CDATA with entities resolved when asked, and stops keeping below maxDepth", () => {
    const doc = parseXml(`<a><t>x &amp; <![CDATA[<y>]]></t><u><v/></u></a>`, "t.xml", 1, true);
    expect(doc.root.children[0]!.text).toBe("x & <y>");
    expect(doc.root.children[1]!.children).toEqual([]);
  });

  it.each([
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, "doctype"],
    ["an unbound element prefix", `<x:a/>`, "malformed"],
    ["an unbound attribute prefix", `<a r:id="1"/>`, "malformed"],
    ["a prefix bound only on a sibling", `<a><b xmlns:r="urn:r"/><c r:id="1"/></a>`, "malformed"],
    ["mismatched tags", `<a><b></a>`, "malformed"],
    ["no root element", `<?xml version="1.0"?>`, "malformed"],
  ])("refuses %s", (_, text, kind) => {
    const error = thrown(() => parseXml(text, "bad.xml"));
    expect(error).toBeInstanceOf(XmlPartError);
    expect((error as XmlPartError).kind).toBe(kind);
    expect((error as XmlPartError).part).toBe("bad.xml");
  });
});

describe("applyEdits", () => {
  it.each([
    ["none", "abcdef", [], "abcdef"],
    [
      "given out of order",
      "abcdef",
      [
        { start: 4, end: 5, text: "E" },
        { start: 1, end: 2, text: "B" },
      ],
      "aBcdEf",
    ],
    [
      "two insertions at one offset, in the order given",
      "ab",
      [
        { start: 1, end: 1, text: "1" },
        { start: 1, end: 1, text: "2" },
      ],
      "a12b",
    ],
    [
      "an insertion right after a replacement",
      "abcd",
      [
        { start: 1, end: 3, text: "X" },
        { start: 3, end: 3, text: "Y" },
      ],
      "aXYd",
    ],
    [
      "a deletion and an insertion at the end",
      "abc",
      [
        { start: 0, end: 1, text: "" },
        { start: 3, end: 3, text: "!" },
      ],
      "bc!",
    ],
  ])("%s", (_, text, edits, expected) => {
    expect(applyEdits(text, edits)).toBe(expected);
  });

  it("refuses overlapping edits", () => {
    expect(() =>
      applyEdits("abcdef", [
        { start: 1, end: 4, text: "X" },
        { start: 2, end: 3, text: "Y" },
      ]),
    ).toThrow(/Overlapping/);
  });
});

describe("setAttributeInTag", () => {
  it.each([
    ["double quotes", `<dxfs count="0">`, `<dxfs count="3">`],
    ["single quotes", `<dxfs count='0'>`, `<dxfs count='3'>`],
    [
      "spacing around = and between attributes",
      `<dxfs  count = "0"\n foo='1' >`,
      `<dxfs  count = "3"\n foo='1' >`,
    ],
    ["another attribute ending in the name", `<dxfs mycount="9" count="0">`, `<dxfs mycount="9" count="3">`],
    [
      "a prefixed attribute of the same local name",
      `<dxfs x:count="9" count="0">`,
      `<dxfs x:count="9" count="3">`,
    ],
    ["a value holding / and >", `<dxfs t="a/>b" count="0"/>`, `<dxfs t="a/>b" count="3"/>`],
    ["absent", `<fonts>`, `<fonts count="3">`],
    ["absent, after others and whitespace", `<fonts x="1"\n>`, `<fonts x="1" count="3">`],
    ["absent, self-closing", `<dxfs/>`, `<dxfs count="3"/>`],
    ["absent, self-closing with a space", `<x:dxfs />`, `<x:dxfs count="3"/>`],
    ["present, self-closing", `<dxfs count="0"/>`, `<dxfs count="3"/>`],
  ])("%s", (_, tag, expected) => {
    expect(setAttributeInTag(tag, "count", "3")).toBe(expected);
  });

  it.each([
    [`<a v="x">`, `<a v="&lt;&quot;&apos;&amp;">`],
    [`<a v='x'>`, `<a v='&lt;&quot;&apos;&amp;'>`],
    [`<a>`, `<a v="&lt;&quot;'&amp;">`],
  ])("escapes the value for its quotes: %s", (tag, expected) => {
    const result = setAttributeInTag(tag, "v", `<"'&`);
    expect(result).toBe(expected);
    expect(parseXml(`${result}</a>`, "t.xml").root.attributes[0]!.value).toBe(`<"'&`);
  });
});

describe("appendInside", () => {
  it.each([
    ["an open container", `<r><c><a/></c></r>`, `<r><c><a/><n/></c></r>`],
    ["an empty container", `<r><c></c></r>`, `<r><c><n/></c></r>`],
    ["one ending in a comment", `<r><c><!-- </c> --></c></r>`, `<r><c><!-- </c> --><n/></c></r>`],
    ["a self-closing container", `<r><c/></r>`, `<r><c><n/></c></r>`],
    ["self-closing with attributes and a space", `<r><c count="0" /></r>`, `<r><c count="0"><n/></c></r>`],
    ["self-closing and prefixed", `<x:r xmlns:x="u"><x:c/></x:r>`, `<x:r xmlns:x="u"><x:c><n/></x:c></x:r>`],
  ])("%s", (_, text, expected) => {
    const doc = parseXml(text, "t.xml");
    const container = doc.root.children[0]!;
    expect(applyEdits(text, appendInside(doc, container, "<n/>"))).toBe(expected);
  });

  it("appends to the root", () => {
    const text = `<Types xmlns="u"><Default/></Types>`;
    const doc = parseXml(text, "t.xml");
    expect(applyEdits(text, appendInside(doc, doc.root, "<Override/>"))).toBe(
      `<Types xmlns="u"><Default/><Override/></Types>`,
    );
  });
});

describe("locateTopLevel", () => {
  const DATA = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;
  it.each([
    ["plain", `<worksheet>${DATA}<pageMargins/></worksheet>`, DATA],
    [
      "prefixed",
      `<x:worksheet xmlns:x="u"><x:sheetData><x:row/></x:sheetData></x:worksheet>`,
      `<x:sheetData><x:row/></x:sheetData>`,
    ],
    ["self-closing", `<worksheet><dimension ref="A1"/><sheetData/><cols/></worksheet>`, `<sheetData/>`],
    [
      "with </sheetData> in a comment",
      `<worksheet><sheetData><row/><!-- </row></sheetData> --></sheetData></worksheet>`,
      `<sheetData><row/><!-- </row></sheetData> --></sheetData>`,
    ],
    [
      "with </sheetData> in CDATA",
      `<worksheet><sheetData><row><c><is><t><![CDATA[</t></is></c></row></sheetData>]]></t></is></c></row></sheetData></worksheet>`,
      `<sheetData><row><c><is><t><![CDATA[</t></is></c></row></sheetData>]]></t></is></c></row></sheetData>`,
    ],
    [
      "with </sheetData> in a processing instruction",
      `<worksheet><sheetData><row><?pi </row></sheetData>?></row></sheetData></worksheet>`,
      `<sheetData><row><?pi </row></sheetData>?></row></sheetData>`,
    ],
    [
      "with /> and > in attribute values",
      `<worksheet a="&lt;sheetData>"><sheetData><row x="a/>b" y='>'/></sheetData></worksheet>`,
      `<sheetData><row x="a/>b" y='>'/></sheetData>`,
    ],
    [
      "a sheetData deeper down before the top-level one",
      `<worksheet><extLst><sheetData/></extLst><sheetData><row/></sheetData></worksheet>`,
      `<sheetData><row/></sheetData>`,
    ],
    [
      "comments, a PI and a prolog before the root",
      `<?xml version="1.0"?><!-- <worksheet><sheetData/> --><?pi <sheetData/>?><worksheet><sheetData></sheetData></worksheet>`,
      `<sheetData></sheetData>`,
    ],
  ])("%s", (_, text, expected) => {
    const data = bytes(text);
    const at = locateTopLevel(data, "sheetData", "sheet1.xml");
    expect(at).toBeDefined();
    expect(decode(data.subarray(at!.start, at!.end))).toBe(expected);
    expect(decode(data.subarray(at!.start, at!.openEnd))).toMatch(/^<(\w+:)?sheetData[^>]*>$/);
  });

  it("counts bytes, not characters, past multi-byte text", () => {
    const data = bytes(`<worksheet><sheetPr codeName="任务😀"/><sheetData><row/></sheetData></worksheet>`);
    const at = locateTopLevel(data, "sheetData", "sheet1.xml")!;
    expect(decode(data.subarray(at.start, at.end))).toBe(`<sheetData><row/></sheetData>`);
  });

  it("is undefined when there is none at the top level", () => {
    expect(
      locateTopLevel(bytes(`<worksheet><x><sheetData/></x></worksheet>`), "sheetData", "s.xml"),
    ).toBeUndefined();
  });

  it.each([
    ["a DOCTYPE", `<!DOCTYPE worksheet><worksheet><sheetData/></worksheet>`, "doctype"],
    ["a comment that never ends", `<worksheet><sheetData><!-- </sheetData></worksheet>`, "malformed"],
    ["CDATA that never ends", `<worksheet><sheetData><![CDATA[</sheetData></worksheet>`, "malformed"],
    ["a tag that never ends", `<worksheet><sheetData a="</sheetData></worksheet>`, "malformed"],
  ])("refuses %s", (_, text, kind) => {
    const error = thrown(() => locateTopLevel(bytes(text), "sheetData", "s.xml"));
    expect(error).toBeInstanceOf(XmlPartError);
    expect((error as XmlPartError).kind).toBe(kind);
  });
});

describe("outline and joinOutline", () => {
  it.each([
    [
      "with a byte order mark",
      `\uFEFF<?xml version="1.0"?>\n<worksheet><sheetData><row r="1"/></sheetData><pageMargins/></worksheet>`,
    ],
    ["without sheetData", `<worksheet><dimension ref="A1"/></worksheet>`],
    ["self-closing sheetData, prefixed", `<x:worksheet xmlns:x="u"><x:sheetData/></x:worksheet>`],
    [
      "multi-byte text on both sides",
      `<worksheet a="任"><sheetData><row><c><v>😀</v></c></row></sheetData><headerFooter>第页</headerFooter></worksheet>`,
    ],
  ])("%s: joining the unedited outline gives the bytes back", (_, text) => {
    const data = bytes(text);
    const shape = outline(data, "sheetData", "sheet1.xml");
    expect(shape.doc.text).not.toContain("<row");
    const joined = joinOutline(shape, shape.doc.text);
    expect(Buffer.from(joined.bytes).equals(Buffer.from(data))).toBe(true);
    // Where the cells are, as a reading of these bytes would note it, gives the same outline.
    expect(joined.hidden).toEqual(locateTopLevel(data, "sheetData", "sheet1.xml"));
    if (joined.hidden) {
      expect(outline(data, "sheetData", "sheet1.xml", joined.hidden)).toEqual(shape);
    }
  });

  it("leaves the cells out of the parsed text and puts them back around an edit", () => {
    const data = bytes(
      `<worksheet><sheetData><row r="1"><!-- </sheetData> --></row></sheetData></worksheet>`,
    );
    const shape = outline(data, "sheetData", "sheet1.xml");
    expect(shape.doc.text).toBe(`<worksheet><sheetData/></worksheet>`);
    const root = shape.doc.root;
    const edited = applyEdits(shape.doc.text, [
      { start: root.closeStart, end: root.closeStart, text: "<cf/>" },
    ]);
    const joined = joinOutline(shape, edited);
    expect(decode(joined.bytes)).toBe(
      `<worksheet><sheetData><row r="1"><!-- </sheetData> --></row></sheetData><cf/></worksheet>`,
    );
    expect(joined.hidden).toEqual(locateTopLevel(joined.bytes, "sheetData", "sheet1.xml"));
  });
});

describe("inlineStringXml", () => {
  it.each([
    ["逾期", "<is><t>逾期</t></is>"],
    ["H7：完成时限 2026-10-17 已过 32 天", "<is><t>H7：完成时限 2026-10-17 已过 32 天</t></is>"],
    [" leading", `<is><t xml:space="preserve"> leading</t></is>`],
    ["trailing ", `<is><t xml:space="preserve">trailing </t></is>`],
    ["two\nlines", `<is><t xml:space="preserve">two\nlines</t></is>`],
    ["a\tb", `<is><t xml:space="preserve">a\tb</t></is>`],
    ["a  b", `<is><t xml:space="preserve">a  b</t></is>`],
    ["=A1<B1 & 1>0", "<is><t>=A1&lt;B1 &amp; 1&gt;0</t></is>"],
    ["bell\u0007", "<is><t>bell</t></is>"],
  ])("%j", (text, expected) => {
    expect(inlineStringXml(text)).toBe(expected);
  });
});

describe("escapeAttr", () => {
  it.each([
    ["plain text, as it is", "'重点工作任务表'!J99999", "'重点工作任务表'!J99999"],
    ["a quote", `a"b`, "a&quot;b"],
    ["markup", "<a&b>", "&lt;a&amp;b&gt;"],
    ["white space an attribute would fold", "a\nb\rc\td", "a&#10;b&#13;c&#9;d"],
    ["a control character, dropped", "a\u0001b", "ab"],
    ["a lone surrogate, dropped", "a\ud83db", "ab"],
    ["a surrogate pair, kept", "a😀b", "a😀b"],
  ])("%s", (_, text, expected) => {
    expect(escapeAttr(text)).toBe(expected);
    expect(parseXml(`<a v="${escapeAttr(text)}"/>`, "t.xml").root.attributes[0]!.value).toBe(
      expected === "ab" ? "ab" : text,
    );
  });
});
