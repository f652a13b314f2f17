// The byte scanner that reads large sheets: the events it reports, whatever the pieces the bytes come in
// (a piece may end inside a tag, a reference or a UTF-8 sequence), and what it refuses.

import { XmlPartError } from "../xml";
import { decode, textOf, XmlScanner } from "./scan";

const encode = (text: string) => new TextEncoder().encode(text);

/** Every event as one line: `<uri|local a=v>`, `"text"`, `</local>`. */
function events(xml: string, pieces: number[] | "bytes" = []): string[] {
  const out: string[] = [];
  let text: string | undefined;
  const flush = () => {
    if (text !== undefined) out.push(JSON.stringify(text));
    text = undefined;
  };
  const scanner = new XmlScanner(
    "t.xml",
    {
      open(uri, local, attributes, selfClosing) {
        flush();
        const pairs = Array.from({ length: attributes.count }, (_, i) => {
          return `${attributes.name(i)}=${attributes.value(i)}`;
        });
        out.push(`<${uri}|${local}${pairs.map((p) => ` ${p}`).join("")}${selfClosing ? "/" : ""}>`);
      },
      close(_, local) {
        flush();
        out.push(`</${local}>`);
      },
      text(bytes, from, to, cdata) {
        text = (text ?? "") + textOf(bytes, from, to, cdata, "t.xml");
      },
    },
    (_, local) => local === "t" || local === "v",
  );
  const bytes = encode(xml);
  const cuts = pieces === "bytes" ? Array.from({ length: bytes.length }, (_, i) => i) : pieces;
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  scanner.end();
  flush();
  return out;
}

const M = "urn:main";

describe("XmlScanner", () => {
  it.each<[string, string, string[]]>([
    [
      "default namespace, attributes, text of wanted elements only",
      `<?xml version="1.0"?><w xmlns="${M}"><c r="A1" t="s"><v>12</v></c><f>skipped</f></w>`,
      [
        `<${M}|w xmlns=${M}>`,
        `<${M}|c r=A1 t=s>`,
        `<${M}|v>`,
        `"12"`,
        `</v>`,
        `</c>`,
        `<${M}|f>`,
        `</f>`,
        `</w>`,
      ],
    ],
    [
      "a prefix means what it is bound to where it is used",
      `<x:w xmlns:x="${M}"><x:t>a</x:t><y:t xmlns:y="urn:other">b</y:t><x:t xmlns:x="urn:re">c</x:t><x:t>d</x:t></x:w>`,
      [
        `<${M}|w xmlns:x=${M}>`,
        `<${M}|t>`,
        `"a"`,
        `</t>`,
        `<urn:other|t xmlns:y=urn:other>`,
        `"b"`,
        `</t>`,
        `<urn:re|t xmlns:x=urn:re>`,
        `"c"`,
        `</t>`,
        `<${M}|t>`,
        `"d"`,
        `</t>`,
        `</w>`,
      ],
    ],
    [
      "the same prefix bound differently in sibling scopes",
      `<r><a xmlns:x="urn:1"><x:t>1</x:t></a><b xmlns:x="urn:2"><x:t>2</x:t></b></r>`,
      [
        `<|r>`,
        `<|a xmlns:x=urn:1>`,
        `<urn:1|t>`,
        `"1"`,
        `</t>`,
        `</a>`,
        `<|b xmlns:x=urn:2>`,
        `<urn:2|t>`,
        `"2"`,
        `</t>`,
        `</b>`,
        `</r>`,
      ],
    ],
    [
      "references, CDATA (not decoded), comments and line ends",
      `<r><t a="&lt;&#x4E2D;&amp;">x&amp;y&#20013;&#x6587;<!-- <t>no</t> --><![CDATA[&amp;<]]>\r\nz</t></r>`,
      [`<|r>`, `<|t a=<中&>`, JSON.stringify("x&y中文&amp;<\nz"), `</t>`, `</r>`],
    ],
    [
      "CJK, characters outside the BMP, white space in tags, self-closing elements",
      `<r ><t\r\n  a = '任务' >😀任务</t ><v/></r >`,
      [`<|r>`, `<|t a=任务>`, `"😀任务"`, `</t>`, `<|v/>`, `</v>`, `</r>`],
    ],
    [
      "a byte order mark and a > inside an attribute value",
      `\uFEFF<r a="1 > 0"><t b="/>">x</t></r>`,
      [`<|r a=1 > 0>`, `<|t b=/>>`, `"x"`, `</t>`, `</r>`],
    ],
  ])("%s, whole and in every split", (_, xml, expected) => {
    expect(events(xml)).toEqual(expected);
    expect(events(xml, "bytes")).toEqual(expected);
    const bytes = encode(xml);
    for (let cut = 1; cut < bytes.length; cut++) expect(events(xml, [cut])).toEqual(expected);
  });

  it.each<[string, string, RegExp]>([
    ["an undeclared prefix", `<r><x:t/></r>`, /prefix x .*not declared/],
    ["a mismatched end tag", `<r><t></v></r>`, /<\/v> closes <t>/],
    ["an element never closed", `<r><t>`, /<t> is never closed/],
    ["text outside the root", `<r/>x`, /text outside the root/],
    ["a second root", `<r/><s/>`, /a second root/],
    ["an unknown entity", `<r><t>&nbsp;</t></r>`, /unknown entity &nbsp;/],
    ["a bad character reference", `<r><t>&#xZZ;</t></r>`, /bad character reference/],
    ["a bare ampersand", `<r><t>AT&T</t></r>`, /bare &/],
    ["an unquoted attribute", `<r a=1/>`, /not quoted/],
    ["a comment that never ends", `<r><!-- </r>`, /comment never ends/],
    ["markup cut off", `<r><t`, /ends inside a tag|tag never ends/],
    ["no root at all", ` `, /no root element/],
  ])("refuses %s", (_, xml, message) => {
    const error = (() => {
      try {
        events(xml);
      } catch (caught) {
        return caught;
      }
      throw new Error("no error");
    })();
    expect(error).toBeInstanceOf(XmlPartError);
    expect(String((error as XmlPartError).detail)).toMatch(message);
  });

  it("refuses a DOCTYPE as its own kind of problem", () => {
    expect(() => events(`<!DOCTYPE r [<!ENTITY x "y">]><r/>`)).toThrow(
      expect.objectContaining({ kind: "doctype" }) as Error,
    );
  });

  it("stops at the next construct when asked", () => {
    const seen: string[] = [];
    const scanner: XmlScanner = new XmlScanner("t.xml", {
      open: (_, local) => {
        seen.push(local);
        if (local === "b") scanner.stop();
      },
      close: () => undefined,
      text: () => undefined,
    });
    scanner.push(encode(`<r><a/><b/><c/>`));
    scanner.end();
    expect(seen).toEqual(["r", "a", "b"]);
    expect(scanner.stopped).toBe(true);
  });
});

describe("decode", () => {
  it.each<[string, string | null]>([
    ["plain", "plain"],
    ["&lt;&gt;&amp;&quot;&apos;", `<>&"'`],
    ["&#29028;&#30719;2026&#24180;", "煤矿2026年"],
    ["&#x1F600;&#x41;", "😀A"],
    ["a&#13;b", "a\rb"],
    // XML writes a hexadecimal reference with a small x only.
    ["&#X41;", null],
    ["&#;", null],
    ["&#x110000;", null],
  ])("%s", (text, expected) => {
    if (expected === null) expect(() => decode(text, "t.xml")).toThrow(XmlPartError);
    else expect(decode(text, "t.xml")).toBe(expected);
  });
});
