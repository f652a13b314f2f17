// Small pieces for writing SpreadsheetML by hand: escaping, and finding top-level elements in a part.

/** Characters XML 1.0 cannot hold at all (a control character in a cell would make the part unreadable). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(text: string): string {
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X"
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[entity.toLowerCase()]!;
  });
}

/** The namespace prefix a part's root element uses ("" for the default namespace, "x:" for x:worksheet). */
export function rootPrefix(xml: string, localName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>]`).exec(xml);
  return match?.[1] ?? "";
}

/** An attribute's value on the first tag of `tag` text, unescaped; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[:]/g, "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? "") : undefined;
}

/** Every element `<prefix:name …/>` or `<prefix:name …>…</prefix:name>` (not nested in itself), with offsets. */
export function elements(
  xml: string,
  name: string,
  from = 0,
  to = xml.length,
): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  const open = new RegExp(`<${name}(?=[\\s/>])`, "g");
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tagEnd = xml.indexOf(">", m.index);
    if (tagEnd < 0) break;
    let end: number;
    if (xml[tagEnd - 1] === "/") end = tagEnd + 1;
    else {
      const close = xml.indexOf(`</${name}>`, tagEnd);
      if (close < 0) break;
      end = close + name.length + 3;
    }
    found.push({ start: m.index, end, text: xml.slice(m.index, end) });
    open.lastIndex = end;
  }
  return found;
}

/** Sets an attribute on an opening tag (adding it when absent), leaving the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeAttr(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeAttr(value)}"$1`);
}
