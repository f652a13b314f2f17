// parseXml reads parts with the byte scanner; saxes made the tree before. Both must give the same tree (names,
// namespaces, attributes as XML normalises them, scopes, every offset, text) and refuse the same texts: on
// every XML part of every workbook in the third-party corpus and the producer matrix's inputs, and on random
// XML made to sit on the edges (prefixes bound and not, references, CR LF, tabs, CDATA, comments, characters
// beyond the BMP, attributes twice).

import fc from "fast-check";
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseXml, XmlPartError, type XmlDocument, type XmlElement } from "../src/hosts/xlsx/xml";
import { CORPUS, corpusFiles } from "./helpers/corpus-files";
import { saxesTree } from "./helpers/saxes-tree";

interface Plain {
  readonly [key: string]: unknown;
}

function plain(element: XmlElement): Plain {
  return {
    name: element.name,
    prefix: element.prefix,
    local: element.local,
    uri: element.uri,
    attributes: element.attributes.map((a) => ({ ...a })),
    scope: [...element.scope].sort(([a], [b]) => a.localeCompare(b)),
    start: element.start,
    openEnd: element.openEnd,
    closeStart: element.closeStart,
    end: element.end,
    selfClosing: element.selfClosing,
    text: element.text,
    parent: element.parent?.start,
    children: element.children.map(plain),
  };
}

/** The tree, or how the text was refused. */
function outcome(parse: () => XmlDocument): Plain | { refused: string } {
  try {
    return plain(parse().root);
  } catch (error) {
    if (error instanceof XmlPartError) return { refused: error.kind };
    throw error;
  }
}

function expectSame(text: string, part: string, maxDepth = Infinity, keepText = false): void {
  const scanned = outcome(() => parseXml(text, part, maxDepth, keepText));
  const saxes = outcome(() => saxesTree(text, part, maxDepth, keepText));
  expect(scanned).toEqual(saxes);
}

describe("every XML part of the corpus reads as saxes read it", () => {
  const decoder = new TextDecoder("utf-8");
  test.each(corpusFiles().filter((file) => /\.xlsx$/i.test(file)))("%s", (file) => {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(readFileSync(path.join(CORPUS, file)));
    } catch {
      return; // Not a zip fflate opens (the corpus holds damaged files on purpose): no parts to compare.
    }
    for (const [name, bytes] of Object.entries(entries)) {
      if (!/\.(xml|rels|vml)$/i.test(name)) continue;
      let text = decoder.decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      expectSame(text, name);
      expectSame(text, name, 1, true);
      compared++;
    }
  });
  let compared = 0;
  afterAll(() => {
    // The corpus's fuzzed files hold no parts; the rest hold hundreds.
    expect(compared).toBeGreaterThan(500);
  });
});

describe("random XML reads as saxes read it", () => {
  const piece = fc.constantFrom(
    "a",
    " ",
    "中文",
    "😀",
    "&amp;",
    "&lt;",
    "&#10;",
    "&#x9;",
    "&#13;",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "'",
    '"',
    "&bogus;",
    "&",
    ">",
    "]]>",
  );
  const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(""));
  const elementName = fc.constantFrom("a", "row", "c", "x:c", "y:v", "mc:Choice", "q");
  const attributeName = fc.constantFrom("r", "s", "t", "x:t", "xml:space", "y:z", "xmlns:y", "xmlns", "b");
  const attribute = fc
    .tuple(attributeName, text, fc.constantFrom('"', "'"))
    .map(([name, value, quote]) => ` ${name}=${quote}${value.replaceAll(quote, "")}${quote}`);
  interface Node {
    readonly name: string;
    readonly attributes: readonly string[];
    readonly content: readonly (Node | string)[];
  }
  const { node } = fc.letrec<{ node: Node; content: Node | string }>((tie) => ({
    node: fc.record({
      name: elementName,
      attributes: fc.array(attribute, { maxLength: 3 }),
      content: fc.array(tie("content"), { maxLength: 3 }),
    }),
    content: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text,
      text.map((t) => `<![CDATA[${t.replaceAll("]]>", "")}]]>`),
      text.map((t) => `<!--${t.replaceAll("-", "")}-->`),
      fc.constant("<?pi data?>"),
      tie("node"),
    ),
  }));
  const xml = (n: Node): string =>
    n.content.length === 0
      ? `<${n.name}${n.attributes.join("")}/>`
      : `<${n.name}${n.attributes.join("")}>${n.content.map((c) => (typeof c === "string" ? c : xml(c))).join("")}</${n.name}>`;
  const prolog = fc.constantFrom(
    "",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    "<!-- a comment -->",
    "\r\n",
  );
  // The root binds x and mc (so that most documents are well-formed); y is bound only where an element says so.
  const document = fc.tuple(prolog, node, fc.boolean()).map(
    ([head, root, bind]) =>
      head +
      xml({
        ...root,
        attributes: [
          ...(bind ? [` xmlns:x="urn:x" xmlns:mc="urn:mc"`] : []),
          ...root.attributes.filter((a) => !a.startsWith(" xmlns")),
        ],
      }),
  );

  test("trees, offsets and refusals are the same", () => {
    fc.assert(
      fc.property(document, fc.boolean(), (text, keepText) => {
        expectSame(text, "random.xml", Infinity, keepText);
        expectSame(text, "random.xml", 1, keepText);
      }),
      { numRuns: Number(process.env.DUBAN_PROPERTY_RUNS ?? 500) },
    );
  });

  test.each([
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`],
    ["an undeclared prefix", `<a><x:b/></a>`],
    ["an attribute twice", `<a b="1" b="2"/>`],
    [
      "two prefixes bound to one namespace, one local name twice",
      `<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`,
    ],
    ["text after the root", `<a/>b`],
    ["a second root", `<a/><b/>`],
    ["nothing", ""],
    ["an unclosed element", `<a><b></a>`],
    ["a < in an attribute", `<a b="<"/>`],
    ["characters beyond the BMP before a tag", `<a>😀😀<b c="😀"/>😀</a>`],
    ["CR LF in text and in an attribute", `<a b="1\r\n2">x\r\ny\rz</a>`],
  ])("%s", (_, text) => {
    expectSame(text, "case.xml");
    expectSame(text, "case.xml", Infinity, true);
  });

  test("where they differ, by design: a lone surrogate is read as the U+FFFD the part's bytes will hold", () => {
    // Saxes refused a text holding half a surrogate pair. Duban's parts are written through TextEncoder,
    // which writes U+FFFD for it: the scanner reads the bytes that will be written, and they are XML.
    const text = `<a b="\ud800">x\udc00y</a>`;
    expect(outcome(() => saxesTree(text, "lone.xml"))).toEqual({ refused: "malformed" });
    const root = parseXml(text, "lone.xml", Infinity, true).root;
    expect([root.text, root.attributes[0]!.value, root.end]).toEqual(["x\ufffdy", "\ufffd", text.length]);
  });
});
