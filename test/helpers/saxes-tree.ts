// The tree saxes made of a part, as parseXml made it before the byte scanner read parts: the differential
// test holds the scanner's tree to it, offset for offset, on every part of the corpus and on random XML.

import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import { XmlPartError, type XmlDocument, type XmlElement } from "../../src/hosts/xlsx/xml";

type Mutable = { -readonly [K in keyof XmlElement]: XmlElement[K] };

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * The part as a tree of elements with their offsets. Elements deeper than `maxDepth` (the root is depth 0)
 * are checked but not kept, so a large part costs little memory.
 * @throws XmlPartError when the text is not namespace-well-formed XML, or declares a DOCTYPE
 */
export function saxesTree(text: string, part: string, maxDepth = Infinity, keepText = false): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: part });
  const stack: Array<Mutable | undefined> = [];
  let root: Mutable | undefined;
  let start = 0;
  let failure: XmlPartError | undefined;
  parser.on("error", (error) => {
    failure ??= new XmlPartError(part, "malformed", error.message);
    throw failure;
  });
  parser.on("doctype", () => {
    failure = new XmlPartError(part, "doctype", "DOCTYPE");
    throw failure;
  });
  parser.on("opentagstart", () => {
    // The name cannot hold "<", so the last one before the parser's position opens this tag.
    start = text.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (depth > maxDepth || (depth > 0 && parent === undefined)) {
      stack.push(undefined);
      return;
    }
    const scope = new Map(parent?.scope ?? [["xml", XML_NS]]);
    for (const [prefix, uri] of Object.entries(tag.ns)) scope.set(prefix, uri);
    const element: Mutable = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a: SaxesAttributeNS) => ({
        name: a.name,
        local: a.local,
        uri: a.uri,
        value: a.value,
      })),
      scope,
      start,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
      parent,
      children: [],
      text: "",
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  if (keepText) {
    const collect = (data: string) => {
      const element = stack[stack.length - 1];
      if (element) element.text += data;
    };
    parser.on("text", collect);
    parser.on("cdata", collect);
  }
  parser.on("closetag", () => {
    const element = stack.pop();
    if (!element) return;
    element.end = parser.position;
    element.closeStart = element.selfClosing ? element.end : text.lastIndexOf("</", element.end - 1);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (failure) throw failure;
    throw new XmlPartError(part, "malformed", error instanceof Error ? error.message : String(error));
  }
  if (!root) throw new XmlPartError(part, "malformed", "no root element");
  return { text, root };
}
