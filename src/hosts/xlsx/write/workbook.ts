// The workbook's own parts: its list of sheets, relationships, content types and defined names.

import type { OpcPackage } from "../package";
import { attribute, elements, escapeAttr, rootPrefix, setAttribute } from "./xml";

const WORKBOOK_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The part's name in the package, without a leading slash. */
  readonly part: string;
  /** The `<sheet …/>` element as written. */
  readonly element: string;
}

/** Where the workbook part is (xl/workbook.xml almost always), read from the package's root relationships. */
export function workbookPart(pkg: OpcPackage): string {
  const rels = pkg.text("_rels/.rels");
  for (const rel of elements(rels, `${rootPrefix(rels, "Relationships")}Relationship`)) {
    if (attribute(rel.text, "Type") === WORKBOOK_REL_TYPE)
      return resolve("", attribute(rel.text, "Target") ?? "");
  }
  return "xl/workbook.xml";
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** A relationship target, relative to the source part's folder or absolute from the package root. */
function resolve(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The prefix the workbook uses for the relationships namespace (`r:` nearly always). */
function relPrefix(xml: string): string {
  const match = new RegExp(`xmlns:([\\w.-]+)="${RELATIONSHIPS_NS.replace(/[./]/g, "\\$&")}"`).exec(xml);
  return match ? `${match[1]}:` : "r:";
}

export class WorkbookParts {
  readonly part: string;
  readonly relsPart: string;
  private readonly p: string;

  constructor(private readonly pkg: OpcPackage) {
    this.part = workbookPart(pkg);
    this.relsPart = relsOf(this.part);
    this.p = rootPrefix(pkg.text(this.part), "workbook");
  }

  get xml(): string {
    return this.pkg.text(this.part);
  }

  get date1904(): boolean {
    const [pr] = elements(this.xml, `${this.p}workbookPr`);
    const value = pr ? attribute(pr.text, "date1904") : undefined;
    return value === "1" || value === "true";
  }

  sheets(): SheetEntry[] {
    const xml = this.xml;
    const r = relPrefix(xml);
    const targets = this.relationships();
    return elements(xml, `${this.p}sheet`).map((el) => {
      const rId = attribute(el.text, `${r}id`) ?? "";
      const state = (attribute(el.text, "state") ?? "visible") as SheetEntry["state"];
      return {
        name: attribute(el.text, "name") ?? "",
        sheetId: Number(attribute(el.text, "sheetId") ?? 0),
        rId,
        state,
        part: targets.get(rId) ?? "",
        element: el.text,
      };
    });
  }

  /** Relationship id -> target part. */
  private relationships(): Map<string, string> {
    const rels = this.pkg.text(this.relsPart);
    const map = new Map<string, string>();
    for (const rel of elements(rels, `${rootPrefix(rels, "Relationships")}Relationship`)) {
      map.set(attribute(rel.text, "Id") ?? "", resolve(this.part, attribute(rel.text, "Target") ?? ""));
    }
    return map;
  }

  /**
   * Adds a worksheet part at the end of the workbook and returns its index. Everything is appended, so
   * no existing sheet, relationship or defined name changes its position or id.
   */
  addSheet(name: string, sheetXml: string, state: SheetEntry["state"] = "visible"): number {
    const sheets = this.sheets();
    const folder = this.part.slice(0, this.part.lastIndexOf("/") + 1);
    let n = sheets.length + 1;
    while (this.pkg.has(`${folder}worksheets/sheet${n}.xml`)) n += 1;
    const part = `${folder}worksheets/sheet${n}.xml`;
    const rels = this.pkg.text(this.relsPart);
    let id = 1;
    while (rels.includes(`Id="rIdDuban${id}"`)) id += 1;
    const rId = `rIdDuban${id}`;
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;

    this.pkg.setText(part, sheetXml);
    const rp = rootPrefix(rels, "Relationships");
    const target = part.slice(folder.length);
    this.pkg.setText(
      this.relsPart,
      insertBefore(
        rels,
        `</${rp}Relationships>`,
        `<${rp}Relationship Id="${rId}" Type="${WORKSHEET_REL_TYPE}" Target="${target}"/>`,
      ),
    );
    const types = this.pkg.text("[Content_Types].xml");
    const tp = rootPrefix(types, "Types");
    this.pkg.setText(
      "[Content_Types].xml",
      insertBefore(
        types,
        `</${tp}Types>`,
        `<${tp}Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`,
      ),
    );
    const xml = this.xml;
    const stateAttr = state === "visible" ? "" : ` state="${state}"`;
    const element = `<${this.p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${stateAttr} ${relPrefix(xml)}id="${rId}"/>`;
    this.pkg.setText(this.part, insertBefore(xml, `</${this.p}sheets>`, element));
    return sheets.length;
  }

  /**
   * Removes a sheet, its part, relationship, content type and sheet-scoped defined names, renumbering the
   * defined names and views of the sheets after it.
   */
  removeSheet(name: string): void {
    const sheets = this.sheets();
    const index = sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const sheet = sheets[index]!;
    let xml = this.xml.replace(sheet.element, "");
    xml = this.renumberAfterRemoval(xml, index, sheets.length);
    this.pkg.setText(this.part, xml);

    const rels = this.pkg.text(this.relsPart);
    const rel = elements(rels, `${rootPrefix(rels, "Relationships")}Relationship`).find(
      (r) => attribute(r.text, "Id") === sheet.rId,
    );
    if (rel) this.pkg.setText(this.relsPart, rels.slice(0, rel.start) + rels.slice(rel.end));
    const types = this.pkg.text("[Content_Types].xml");
    const override = elements(types, `${rootPrefix(types, "Types")}Override`).find(
      (o) => attribute(o.text, "PartName") === `/${sheet.part}`,
    );
    if (override)
      this.pkg.setText("[Content_Types].xml", types.slice(0, override.start) + types.slice(override.end));
    for (const part of [sheet.part, relsOf(sheet.part)]) if (this.pkg.has(part)) this.pkg.remove(part);
  }

  private renumberAfterRemoval(xml: string, index: number, count: number): string {
    let out = xml;
    const names = elements(out, `${this.p}definedName`).reverse();
    for (const name of names) {
      const local = attribute(name.text, "localSheetId");
      if (local === undefined) continue;
      const id = Number(local);
      let replacement = name.text;
      if (id === index) replacement = "";
      else if (id > index) replacement = name.text.replace(/localSheetId="\d+"/, `localSheetId="${id - 1}"`);
      out = out.slice(0, name.start) + replacement + out.slice(name.end);
    }
    out = out.replace(new RegExp(`<${this.p}definedNames>\\s*</${this.p}definedNames>`), "");
    for (const view of elements(out, `${this.p}workbookView`).reverse()) {
      let tag = view.text;
      for (const attr of ["activeTab", "firstSheet"]) {
        const value = attribute(tag, attr);
        if (value === undefined) continue;
        const n = Number(value);
        // The sheets after the removed one move up; a removed active sheet hands over to its neighbour.
        const moved = n > index ? n - 1 : n === index ? Math.max(0, Math.min(n, count - 2)) : n;
        if (moved !== n) tag = setAttribute(tag, attr, String(moved));
      }
      out = out.slice(0, view.start) + tag + out.slice(view.end);
    }
    return out;
  }

  /** Adds a defined name scoped to one sheet (print titles, the filter range). */
  addDefinedName(name: string, sheetIndex: number, value: string, hidden = false): void {
    const xml = this.xml;
    const element =
      `<${this.p}definedName name="${name}" localSheetId="${sheetIndex}"${hidden ? ` hidden="1"` : ""}>` +
      `${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${this.p}definedName>`;
    const close = `</${this.p}definedNames>`;
    if (xml.includes(close)) {
      this.pkg.setText(this.part, insertBefore(xml, close, element));
      return;
    }
    const selfClosed = new RegExp(`<${this.p}definedNames\\s*/>`).exec(xml);
    if (selfClosed) {
      this.pkg.setText(this.part, xml.replace(selfClosed[0], `<${this.p}definedNames>${element}${close}`));
      return;
    }
    // Right after the sheets (and any functionGroups or externalReferences), as the schema orders them.
    const after = [`</${this.p}externalReferences>`, `</${this.p}functionGroups>`, `</${this.p}sheets>`].find(
      (t) => xml.includes(t),
    )!;
    this.pkg.setText(this.part, insertAfter(xml, after, `<${this.p}definedNames>${element}${close}`));
  }
}

function insertBefore(xml: string, marker: string, text: string): string {
  const at = xml.lastIndexOf(marker);
  if (at < 0) throw new Error(`The workbook has no ${marker}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

function insertAfter(xml: string, marker: string, text: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`The workbook has no ${marker}`);
  return xml.slice(0, at + marker.length) + text + xml.slice(at + marker.length);
}
