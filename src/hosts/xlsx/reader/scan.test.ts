// The byte scanner that reads large sheets: the events it reports, whatever the pieces the bytes come in
// (a piece may end inside a tag, a reference or a UTF-8 sequence), and what it refuses.

import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlPartError } from "../xml";
import { checkWellFormed, decode, textOf, XmlScanner } from "./scan";

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
    ["an entity named like an Object's function", `<r><t>&toString;</t></r>`, /unknown entity &toString;/],
    [
      "an entity named like an Object's other function",
      `<r><t>&valueOf;</t></r>`,
      /unknown entity &valueOf;/,
    ],
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

  it("tries a shortcut only where the default namespace is its own, and reads what it declines as usual, in every split", () => {
    const xml = `<r xmlns="${M}"><k/><p:k xmlns:p="${M}"/><o xmlns="urn:o"><k/></o><k/><k x="1"/><s><k/></s></r>`;
    const expected = [
      `<${M}|r>`,
      `K`,
      `<${M}|k/>`,
      `</k>`,
      `<urn:o|o>`,
      `<urn:o|k/>`,
      `</k>`,
      `</o>`,
      `K`,
      `<${M}|k/>`,
      `</k>`,
      `<${M}|s>`,
      `<${M}|k/>`,
      `</k>`,
      `</s>`,
      `</r>`,
    ];
    const bytes = encode(xml);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const seen: string[] = [];
      // Takes exactly `<k/>`, as far as the bytes it has been given.
      const shortcut = (b: Uint8Array, lt: number, n: number) =>
        lt + 4 <= n && b[lt + 1] === 107 && b[lt + 2] === 47 && b[lt + 3] === 62
          ? (seen.push("K"), lt + 4)
          : -1;
      const scanner: XmlScanner = new XmlScanner(
        "t.xml",
        {
          open: (uri, local, _, selfClosing) => {
            seen.push(`<${uri}|${local}${selfClosing ? "/" : ""}>`);
            if (local === "r") scanner.setShortcut(M, shortcut);
            else if (local === "s") scanner.setShortcut(M, undefined);
          },
          close: (_, local) => seen.push(`</${local}>`),
          text: () => undefined,
        },
        () => false,
        [M],
      );
      scanner.push(bytes.subarray(0, cut));
      scanner.push(bytes.subarray(cut));
      scanner.end();
      expect(seen).toEqual(expected);
    }
  });

  it("gives a shortcut whole elements, however the bytes are cut, and reads them all", () => {
    // Rows of a few hundred bytes in pieces of 997: the shortcut (which reads fixed offsets unchecked, as the
    // sheet's do) is never handed an element cut by the end of a piece, at any piece's end or the part's.
    const row = (i: number) => `<k n="${i}" t="${"x".repeat(i % 300)}"/>`;
    const xml = `<r xmlns="${M}">${Array.from({ length: 2_000 }, (_, i) => row(i)).join("")}</r>`;
    const bytes = encode(xml);
    let taken = 0;
    let cut = 0;
    const shortcut = (b: Uint8Array, lt: number, n: number) => {
      let p = lt;
      while (p < n && b[p] !== 62 /* > */) p++;
      if (p >= n) {
        cut++;
        return -1;
      }
      taken++;
      return p + 1;
    };
    const scanner: XmlScanner = new XmlScanner(
      "t.xml",
      {
        open: (_, local) => {
          if (local === "r") scanner.setShortcut(M, shortcut);
        },
        close: () => undefined,
        text: () => undefined,
      },
      () => false,
      [M],
    );
    for (let from = 0; from < bytes.length; from += 997) scanner.push(bytes.subarray(from, from + 997));
    scanner.end();
    expect({ taken, cut }).toEqual({ taken: 2_000, cut: 0 });
  });

  it("stops when asked in the last bytes, kept for the end, without calling the part unfinished", () => {
    // A small part pushed whole: its elements wait for end() (a shortcut is not given the last bytes of a
    // piece), and the reader stops there, with elements still open.
    const seen: string[] = [];
    const scanner: XmlScanner = new XmlScanner(
      "t.xml",
      {
        open: (_, local) => {
          seen.push(local);
          if (local === "r") scanner.setShortcut(M, () => -1);
          if (local === "b") scanner.stop();
        },
        close: () => undefined,
        text: () => undefined,
      },
      () => false,
      [M],
    );
    scanner.push(encode(`<r xmlns="${M}"><a/><b/><c/></r>`));
    expect(() => scanner.end()).not.toThrow();
    expect(seen).toEqual(["r", "a", "b"]);
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

const REFERENCE_CASES: ReadonlyArray<[string, string | null]> = [
  ["plain", "plain"],
  ["&lt;&gt;&amp;&quot;&apos;", `<>&"'`],
  ["&#29028;&#30719;2026&#24180;", "煤矿2026年"],
  ["&#x1F600;&#x41;", "😀A"],
  ["&#128512;&#65535;&#xfffd;", "😀\uffff\ufffd"],
  ["a&#13;b", "a\rb"],
  ["&#00000065;", "A"],
  // decode's limit: a ; at most eleven characters after the &.
  ["&#0000000065;", null],
  ["&#x10FFFF;", "\u{10ffff}"],
  // XML writes a hexadecimal reference with a small x only.
  ["&#X41;", null],
  ["&#;", null],
  ["&#x;", null],
  ["&#x110000;", null],
  ["&#1114112;", null],
  ["&nbsp;", null],
  ["a & b", null],
  ["&#29028", null],
];

describe("decode", () => {
  it.each(REFERENCE_CASES)("%s", (text, expected) => {
    if (expected === null) expect(() => decode(text, "t.xml")).toThrow(XmlPartError);
    else expect(decode(text, "t.xml")).toBe(expected);
  });
});

describe("textOf reads references from the bytes as decode does from the text", () => {
  // ASCII with references is read from the bytes; with a character beyond ASCII or a CR, through decode.
  const cases = REFERENCE_CASES.flatMap(([text, expected]): Array<[string, string | null]> => [
    [text, expected],
    [`督${text}`, expected === null ? null : `督${expected}`],
    [`${text}\r\n`, expected === null ? null : `${expected}\n`],
  ]);
  it.each(cases)("%j", (text, expected) => {
    const bytes = encode(`<${text}>`);
    const read = () => textOf(bytes, 1, bytes.length - 1, false, "t.xml");
    if (expected === null) {
      expect(read).toThrow(XmlPartError);
      expect(read).toThrow(errorOf(() => decode(text.replace(/\r\n/g, "\n"), "t.xml")));
    } else expect(read()).toBe(expected);
    // In CDATA and in an attribute value, as before.
    expect(textOf(bytes, 1, bytes.length - 1, true, "t.xml")).toBe(text.replace(/\r\n/g, "\n"));
  });

  it("a text longer than its room is read through decode", () => {
    const text = "&#29028;".repeat(2000);
    const bytes = encode(text);
    expect(textOf(bytes, 0, bytes.length, false, "t.xml")).toBe("煤".repeat(2000));
  });
});

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("no error");
}

describe("checkWellFormed, the check a large part Duban writes passes before it leaves", () => {
  const bytesOf = (...pieces: Array<string | number[]>) =>
    Buffer.concat(
      pieces.map((piece) => (typeof piece === "string" ? encode(piece) : Uint8Array.from(piece))),
    );

  it("accepts what XML allows: prefixes bound, xml:space, CDATA, references, CJK and emoji", () => {
    const xml = `\uFEFF<?xml version="1.0"?><r xmlns:x="urn:x" x:a="1" xml:space="preserve"><t a="&lt;&#x4E2D;"><![CDATA[<&>]]>a &amp; b 中文 😀\t\r\n</t><x:c x:b="&quot;"/></r>`;
    expect(() => checkWellFormed(encode(xml), "t.xml")).not.toThrow();
    expect(() => checkWellFormed(encode(`<c r="A1"><v>1</v></c>`), "t.xml")).not.toThrow();
    // Next to U+FFFE and U+FFFF in UTF-8, as the shortcut's text loop sees them: U+FEFF, U+FFFD, U+F8FF.
    const near = `<r><c r="A1" t="inlineStr"><is><t>a>b \uFEFF\uFFFD\uF8FF 中文</t></is></c></r>`;
    expect(() => checkWellFormed(encode(near), "t.xml")).not.toThrow();
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["an attribute twice", encode(`<r a="1" a="2"/>`), /attribute a twice/],
    [
      "one attribute by two prefixes",
      encode(`<r xmlns:p="u" xmlns:q="u" p:a="1" q:a="2"/>`),
      /\{u\}a is given twice/,
    ],
    ["an attribute's prefix not declared", encode(`<r p:a="1"/>`), /prefix of the attribute p:a/],
    ["a control character in text", encode(`<r>a\u0001</r>`), /does not allow/],
    ["a control character in an attribute", encode(`<r a="\u0008"/>`), /does not allow/],
    ["U+FFFF in text", encode(`<r>\uFFFF</r>`), /does not allow/],
    // The cells Duban writes most, in the shape its shortcut takes whole.
    [
      "U+FFFF in a cell's inline text",
      encode(`<r><c r="A1" t="inlineStr"><is><t>中\uFFFF文</t></is></c></r>`),
      /does not allow/,
    ],
    ["U+FFFE in a cell's value", encode(`<r><c r="A1"><v>1\uFFFE</v></c></r>`), /does not allow/],
    [
      "a control character in a cell's text",
      encode(`<r><c r="A1" t="inlineStr"><is><t>a\u0002</t></is></c></r>`),
      /does not allow/,
    ],
    [
      "a bare & in a cell's text",
      encode(`<r><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></r>`),
      /bare &/,
    ],
    [
      "]]> in a cell's text",
      encode(`<r><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></r>`),
      /\]\]> in text/,
    ],
    ["a reference to a control character", encode(`<r>&#1;</r>`), /&#1; stands for a character/],
    ["a bare & in text nobody reads", encode(`<r><f>a & b</f></r>`), /bare &/],
    ["an unknown entity in an attribute", encode(`<r a="&nbsp;"/>`), /unknown entity/],
    ["a < in an attribute value", encode(`<r a="<"/>`), /holds a </],
    ["]]> in text", encode(`<r>a]]>b</r>`), /\]\]> in text/],
    ["an element name that is not a name", encode(`<r><1a/></r>`), /not a valid element name/],
    ["an attribute name that is not a name", encode(`<r 1a="x"/>`), /attribute named 1a/],
    ["an overlong UTF-8 form", bytesOf("<r>", [0xc0, 0x80], "</r>"), /not UTF-8/],
    ["a lone continuation byte", bytesOf("<r>", [0x80], "</r>"), /not UTF-8/],
    ["a cut UTF-8 sequence", bytesOf("<r>", [0xe4, 0xb8], "</r>"), /not UTF-8/],
    ["a surrogate in UTF-8", bytesOf("<r>", [0xed, 0xa0, 0x80], "</r>"), /not UTF-8/],
    ["a code point past U+10FFFF", bytesOf("<r>", [0xf4, 0x90, 0x80, 0x80], "</r>"), /not UTF-8/],
    ["an element never closed", encode(`<r><c>`), /never closed/],
    ["a cell as a second root", encode(`<r/><c r="A1"/>`), /a second root/],
    ["a cell with an attribute twice", encode(`<r><c r="A1" s="1" r="A1"/></r>`), /attribute r twice/],
    ["attributes run together", encode(`<r a="1"b="2"/>`), /not separated/],
    ["a name of two colons", encode(`<r><x:c:d xmlns:x="u"/></r>`), /not a valid element name/],
    ["a name that ends in a colon", encode(`<r xmlns:p="u"><p:/></r>`), /not a valid element name/],
    ["-- inside a comment", encode(`<r><!-- a -- b --></r>`), /-- inside a comment/],
    ["a comment that ends --->", encode(`<r><!-- a ---></r>`), /--->/],
    ["a processing instruction without a target", encode(`<r><? pi?></r>`), /no valid target/],
    ["an XML declaration inside the root", encode(`<r><?xml version="1.0"?></r>`), /at the start/],
    ["an XML declaration after white space", encode(` <?xml version="1.0"?><r/>`), /at the start/],
    ["an XML declaration of version 2.0", encode(`<?xml version="2.0"?><r/>`), /does not read/],
    ["an XML declaration without a version", encode(`<?xml encoding="UTF-8"?><r/>`), /does not read/],
    [
      "standalone neither yes nor no",
      encode(`<?xml version="1.0" standalone="maybe"?><r/>`),
      /does not read/,
    ],
    ["a prefix undeclared", encode(`<r xmlns:p=""/>`), /undeclared/],
    ["the prefix xmlns declared", encode(`<r xmlns:xmlns="u"/>`), /xmlns is declared/],
    ["xml bound elsewhere", encode(`<r xmlns:xml="u"/>`), /xmlns:xml names u/],
    [
      "xml's namespace by another prefix",
      encode(`<r xmlns:p="http://www.w3.org/XML/1998/namespace"/>`),
      /xmlns:p names/,
    ],
    [
      "xmlns's namespace as the default",
      encode(`<r xmlns="http://www.w3.org/2000/xmlns/"/>`),
      /xmlns namespace/,
    ],
  ])("refuses %s", (_, bytes, message) => {
    expect(() => checkWellFormed(bytes, "t.xml")).toThrow(message);
  });

  it("refuses a DOCTYPE as its own kind of problem", () => {
    expect(() => checkWellFormed(encode(`<!DOCTYPE r><r/>`), "t.xml")).toThrow(
      expect.objectContaining({ kind: "doctype" }) as Error,
    );
  });
});

describe("checkWellFormed agrees with saxes", () => {
  // Random documents from pieces that are right or wrong in the ways a writer can go wrong: names, prefixes
  // bound or not, attributes twice, references good and bad, control characters, < and ]]> where they may not be.
  const name = fc.constantFrom(
    "a",
    "b",
    "x:c",
    "y:d",
    "z:e",
    "1f",
    "g-h",
    "_i",
    "c",
    "v",
    "is",
    "t",
    "x:c:d",
    "x:",
  );
  const attributeName = fc.constantFrom(
    "k",
    "m",
    "x:k",
    "y:k",
    "z:k",
    "xml:space",
    "xmlns:x",
    "xmlns:y",
    "2n",
    "r",
    "s",
    "t",
    "xmlns",
    "xmlns:xml",
    "xmlns:xmlns",
  );
  // What a namespace declaration names: two namespaces, none (which only the default may), and xml's own.
  const namespaces = [
    "urn:0",
    "urn:1",
    "urn:0",
    "urn:1",
    "urn:0",
    "",
    "http://www.w3.org/XML/1998/namespace",
  ];
  const piece = fc.constantFrom(
    "a",
    "中文",
    "😀",
    " ",
    "\n",
    "\t",
    "&amp;",
    "&lt;",
    "&#x4E2D;",
    "&#1;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "]]>",
    "\u0001",
    "\uFFFF",
    "\uFFFE",
    "，",
    "'",
  );
  const value = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(""));
  const attributes = fc
    .array(fc.tuple(attributeName, value, fc.constantFrom(" ", " ", " ", " ", " ", " ", " ", "")), {
      maxLength: 3,
    })
    .map((pairs) =>
      pairs
        .map(
          ([key, text, space]) =>
            `${space}${key}="${key.startsWith("xmlns") ? namespaces[text.length % namespaces.length] : text}"`,
        )
        .join(""),
    )
    // The first attribute is always apart from the name; the others, not always from each other.
    .map((text) => (text.startsWith(" ") || text === "" ? text : ` ${text}`));
  // Cells as Duban writes them, where the check takes a shortcut, right and wrong.
  const cellAttributes = fc
    .array(
      fc.tuple(
        fc.constantFrom("r", "s", "t", "x:k"),
        fc.oneof(fc.constantFrom("A1", "3", "中文", ""), value),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs.map(([key, text]) => ` ${key}="${text}"`).join(""));
  const cell = fc
    .tuple(
      fc.oneof(cellAttributes, attributes),
      fc.constantFrom("", "<v>", "<is><t>", `<is><t xml:space="preserve">`, "<is><t >", "<v >"),
      // One piece alone as often as not: a cell that is wrong in one way only.
      fc.oneof(piece, value),
      fc.boolean(),
    )
    .map(([a, open, text, selfClosing]) => {
      if (open === "") return selfClosing ? `<c${a}/>` : `<c${a}></c>`;
      const close = open.startsWith("<v") ? "</v>" : "</t></is>";
      return `<c${a}>${open}${text}${selfClosing ? close.slice(0, -1) : close}</c>`;
    });
  const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(name, attributes).map(([n, a]) => `<${n}${a}/>`),
      cell,
      value,
      fc.constantFrom("<![CDATA[x<&]]>", "<![CDATA[\u0001]]>"),
      fc.constantFrom(
        "<!-- a -->",
        "<!---->",
        "<!-- a -- b -->",
        "<!-- a --->",
        "<?pi x?>",
        "<? pi?>",
        "<?p:i?>",
        "<?XML x?>",
        `<?xml version="1.0"?>`,
      ),
      fc
        .tuple(name, attributes, fc.array(tie("node"), { maxLength: 3 }))
        .map(([n, a, children]) => `<${n}${a}>${children.join("")}</${n}>`),
    ),
  })).node;
  // A right prolog as often as a wrong one.
  const prolog = fc.constantFrom(
    "",
    "",
    "",
    "",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<?xml version='1.0'?>`,
    `<?xml version="2.0"?>`,
    ` <?xml version="1.0"?>`,
    `<?xml encoding="UTF-8"?>`,
    `<?xml version="1.0" standalone="maybe"?>`,
    `<?xml version="1.0" encoding="UTF 8"?>`,
    "<!-- c -->",
    "<?pi?>",
  );
  const document = fc
    .tuple(prolog, attributes, fc.array(tree, { maxLength: 4 }))
    .map(([head, a, children]) => `${head}<r xmlns:x="urn:x"${a}>${children.join("")}</r>`);

  const saxesAccepts = (xml: string): boolean => {
    const parser = new SaxesParser({ xmlns: true });
    let ok = true;
    parser.on("error", () => {
      ok = false;
    });
    try {
      parser.write(xml).close();
    } catch {
      ok = false;
    }
    return ok;
  };
  const scannerAccepts = (xml: string): boolean => {
    try {
      checkWellFormed(encode(xml), "t.xml");
      return true;
    } catch {
      return false;
    }
  };

  it("on random documents: each accepts exactly what the other does", () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(document, (xml) => {
        const accepted = saxesAccepts(xml);
        verdicts[accepted ? "accepted" : "refused"]++;
        expect([xml, scannerAccepts(xml)]).toEqual([xml, accepted]);
      }),
      { numRuns: 5000 },
    );
    // Both kinds of document are common, so that the agreement says something about each.
    expect(verdicts.accepted).toBeGreaterThan(300);
    expect(verdicts.refused).toBeGreaterThan(300);
  });
});
