// The workbook's own parts: its list of sheets, relationships, content types and defined names, each parsed
// and changed only where Duban adds or takes away its own elements.

import {
  classOf,
  CONTENT_TYPES_NS,
  CONTENT_TYPES_PART,
  PACKAGE_RELATIONSHIPS_NS,
  readRelationships,
  relationshipKind,
  relationshipsPartOf,
  relationshipType,
  workbookPartOf,
  type ClassNamespaces,
} from "../opc";
import { unwritablePart } from "../errors";
import { partKey, type OpcPackage } from "../package";
import {
  appendInside,
  applyEdits,
  attributeOf,
  attributesText,
  childNamed,
  childrenNamed,
  freePrefix,
  parseXml,
  prefixFor,
  qualified,
  setAttributeInTag,
  type TextEdit,
  type XmlDocument,
  type XmlElement,
} from "../xml";
import { STRICT, TRANSITIONAL } from "../opc";

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The part's name in the package as stored, without a leading slash ("" when the relationship is missing). */
  readonly part: string;
}

/**
 * How the workbook's definedNames container was before Duban first added a name to it, so that clearing
 * gives back its bytes: absent, or self-closing (its exact text); undefined when it already had content.
 */
export type DefinedNamesBefore = { readonly absent: true } | { readonly selfClosing: string } | undefined;

/** The elements of CT_Workbook that follow definedNames, in schema order. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export class WorkbookParts {
  readonly part: string;
  readonly relsPart: string;
  /** The package's conformance class, whose namespaces every part Duban adds uses. */
  readonly ns: ClassNamespaces;
  /** Set by the first addDefinedName: the container as it was (see DefinedNamesBefore). */
  definedNamesBefore: DefinedNamesBefore;

  constructor(private readonly pkg: OpcPackage) {
    this.part = workbookPartOf(pkg);
    this.relsPart = relationshipsPartOf(this.part);
    this.ns = classOf(this.doc());
  }

  /** The workbook part, parsed afresh (it is small, and every change goes through setText). */
  doc(): XmlDocument {
    return parseXml(this.pkg.text(this.part), this.part);
  }

  get date1904(): boolean {
    const pr = childNamed(this.doc().root, this.ns.main, "workbookPr");
    const value = pr ? attributeOf(pr, "date1904") : undefined;
    return value === "1" || value === "true";
  }

  sheets(): SheetEntry[] {
    const doc = this.doc();
    const targets = new Map(readRelationships(this.pkg, this.part).list.map((rel) => [rel.id, rel.part]));
    return this.sheetElements(doc).map((element) => {
      const rId = relId(element);
      const part = targets.get(rId);
      return {
        name: attributeOf(element, "name") ?? "",
        sheetId: Number(attributeOf(element, "sheetId") ?? 0),
        rId,
        state: (attributeOf(element, "state") ?? "visible") as SheetEntry["state"],
        part: part === undefined ? "" : (this.pkg.storedName(part) ?? part),
      };
    });
  }

  private sheetElements(doc: XmlDocument): XmlElement[] {
    const sheets = childNamed(doc.root, this.ns.main, "sheets");
    return sheets ? childrenNamed(sheets, this.ns.main, "sheet") : [];
  }

  /**
   * Adds a worksheet part at the end of the workbook and returns its index. Everything is appended, so
   * no existing sheet, relationship or defined name changes its position or id. `sheetXml` is text, or
   * UTF-8 bytes without a byte order mark.
   */
  addSheet(name: string, sheetXml: string | Uint8Array, state: SheetEntry["state"] = "visible"): number {
    const doc = this.doc();
    const sheets = this.sheets();
    const folder = this.part.slice(0, this.part.lastIndexOf("/") + 1);
    // A name is free only when nothing of an earlier part is left under it: no part, no relationships part
    // (which the new sheet would take over, and clearing would delete) and no content type entry.
    const overrides = this.pkg.contentTypes().overrides;
    const taken = (name: string) =>
      this.pkg.has(name) || this.pkg.has(relationshipsPartOf(name)) || overrides.has(partKey(name));
    let n = sheets.length + 1;
    while (taken(`${folder}worksheets/sheet${n}.xml`)) n += 1;
    const part = `${folder}worksheets/sheet${n}.xml`;
    const rels = readRelationships(this.pkg, this.part);
    const ids = new Set(rels.list.map((rel) => rel.id));
    let id = 1;
    while (ids.has(`rIdDuban${id}`)) id += 1;
    const rId = `rIdDuban${id}`;
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;

    if (typeof sheetXml === "string") this.pkg.setText(part, sheetXml);
    else this.pkg.setBytes(part, sheetXml);
    this.appendRelationship(rels.doc, rId, relationshipType(this.ns, "worksheet"), part.slice(folder.length));
    this.appendOverride(`/${part}`, WORKSHEET_CONTENT_TYPE);

    const container = childNamed(doc.root, this.ns.main, "sheets");
    if (!container) throw unwritablePart(this.pkg.fileName, this.part, "no <sheets>");
    const p = container.prefix;
    // The relationships prefix must be in scope where the sheet goes: openpyxl declares it on each <sheet>.
    const bound = prefixFor(container, this.ns.relationships, true);
    const r = bound ?? freePrefix(container, "r");
    const element =
      `<${qualified(p, "sheet")}` +
      (bound === undefined ? attributesText([[`xmlns:${r}`, this.ns.relationships]]) : "") +
      attributesText([
        ["name", name],
        ["sheetId", sheetId],
        ["state", state === "visible" ? undefined : state],
        [`${r}:id`, rId],
      ]) +
      "/>";
    this.pkg.setText(this.part, applyEdits(doc.text, appendInside(doc, container, element)));
    return sheets.length;
  }

  /**
   * Adds a part the workbook relates to (a styles part where a writer left none), with its relationship and
   * content type, under a name nothing else uses.
   */
  addRelatedPart(name: string, text: string, kind: string, contentType: string): string {
    const folder = this.part.slice(0, this.part.lastIndexOf("/") + 1);
    const part = `${folder}${name}`;
    if (this.pkg.has(part) || this.pkg.contentTypes().overrides.has(partKey(part))) {
      throw new Error(`${part} exists already`);
    }
    const rels = readRelationships(this.pkg, this.part);
    const ids = new Set(rels.list.map((rel) => rel.id));
    let id = 1;
    while (ids.has(`rIdDuban${id}`)) id += 1;
    this.pkg.setText(part, text);
    this.appendRelationship(rels.doc, `rIdDuban${id}`, relationshipType(this.ns, kind), name);
    this.appendOverride(`/${part}`, contentType);
    return part;
  }

  /** Takes out a part the workbook relates to, with its relationship and content type (undoes addRelatedPart). */
  removeRelatedPart(part: string): void {
    const rels = readRelationships(this.pkg, this.part);
    const rel = rels.list.find((r) => r.part !== undefined && partKey(r.part) === partKey(part));
    if (rel && rels.doc) {
      this.pkg.setText(
        this.relsPart,
        applyEdits(rels.doc.text, [{ start: rel.element.start, end: rel.element.end, text: "" }]),
      );
    }
    this.removeOverride(part);
    if (this.pkg.has(part)) this.pkg.remove(part);
  }

  private removeOverride(part: string): void {
    const types = parseXml(this.pkg.text(CONTENT_TYPES_PART), CONTENT_TYPES_PART);
    const override = childrenNamed(types.root, CONTENT_TYPES_NS, "Override").find(
      (o) => partKey(attributeOf(o, "PartName") ?? "") === partKey(part),
    );
    if (override) {
      this.pkg.setText(
        CONTENT_TYPES_PART,
        applyEdits(types.text, [{ start: override.start, end: override.end, text: "" }]),
      );
    }
  }

  private appendRelationship(doc: XmlDocument | undefined, id: string, type: string, target: string): void {
    const element = (p: string) =>
      `<${qualified(p, "Relationship")}${attributesText([
        ["Id", id],
        ["Type", type],
        ["Target", target],
      ])}/>`;
    if (!doc) {
      this.pkg.setText(
        this.relsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${element("")}</Relationships>`,
      );
      return;
    }
    this.pkg.setText(
      this.relsPart,
      applyEdits(doc.text, appendInside(doc, doc.root, element(doc.root.prefix))),
    );
  }

  /** Adds a content type Override for a new part (`/xl/charts/chart1.xml`). */
  appendOverride(partName: string, contentType: string): void {
    const doc = parseXml(this.pkg.text(CONTENT_TYPES_PART), CONTENT_TYPES_PART);
    if (doc.root.uri !== CONTENT_TYPES_NS)
      throw unwritablePart(this.pkg.fileName, CONTENT_TYPES_PART, "not a content types part");
    const element = `<${qualified(doc.root.prefix, "Override")}${attributesText([
      ["PartName", partName],
      ["ContentType", contentType],
    ])}/>`;
    this.pkg.setText(CONTENT_TYPES_PART, applyEdits(doc.text, appendInside(doc, doc.root, element)));
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
    const doc = this.doc();
    const element = this.sheetElements(doc)[index]!;
    const edits: TextEdit[] = [{ start: element.start, end: element.end, text: "" }];
    edits.push(...this.renumberAfterRemoval(doc, index, sheets.length));
    this.pkg.setText(this.part, applyEdits(doc.text, edits));

    const rels = readRelationships(this.pkg, this.part);
    const rel = rels.list.find((r) => r.id === sheet.rId);
    if (rel && rels.doc) {
      this.pkg.setText(
        this.relsPart,
        applyEdits(rels.doc.text, [{ start: rel.element.start, end: rel.element.end, text: "" }]),
      );
    }
    if (sheet.part) {
      this.removeDrawings(sheet.part);
      this.removeOverride(sheet.part);
      for (const part of [sheet.part, relationshipsPartOf(sheet.part)])
        if (this.pkg.has(part)) this.pkg.remove(part);
    }
  }

  /**
   * Takes out the drawings of a sheet being removed and the charts on them, each with its relationships and
   * content type, and what a chart alone uses (the style and colour parts Excel adds on saving): nothing else
   * relates to them, and a part left behind would be an orphan in the package. Images are left alone, since
   * drawings may share them.
   */
  private removeDrawings(sheetPart: string): void {
    const internal = (source: string, kinds: readonly string[] | undefined) =>
      readRelationships(this.pkg, source).list.flatMap((rel) =>
        rel.part !== undefined &&
        this.pkg.has(rel.part) &&
        (kinds === undefined
          ? !/^image\//.test(this.pkg.contentType(rel.part) ?? "")
          : kinds.includes(relationshipKind(rel.type) ?? ""))
          ? [this.pkg.storedName(rel.part)!]
          : [],
      );
    for (const drawing of internal(sheetPart, ["drawing"])) {
      for (const chart of internal(drawing, ["chart"])) {
        for (const used of internal(chart, undefined)) this.removePart(used);
        this.removePart(chart);
      }
      this.removePart(drawing);
    }
  }

  /** A part with its relationships part and its content type Override. */
  private removePart(part: string): void {
    this.removeOverride(part);
    for (const name of [part, relationshipsPartOf(part)]) if (this.pkg.has(name)) this.pkg.remove(name);
  }

  private renumberAfterRemoval(doc: XmlDocument, index: number, count: number): TextEdit[] {
    const edits: TextEdit[] = [];
    const container = childNamed(doc.root, this.ns.main, "definedNames");
    if (container) {
      for (const name of childrenNamed(container, this.ns.main, "definedName")) {
        const local = attributeOf(name, "localSheetId");
        const id = local === undefined ? undefined : Number(local);
        if (id === index) {
          edits.push({ start: name.start, end: name.end, text: "" });
          continue;
        }
        if (id !== undefined && id > index) {
          const tag = doc.text.slice(name.start, name.openEnd);
          edits.push({
            start: name.start,
            end: name.openEnd,
            text: setAttributeInTag(tag, "localSheetId", String(id - 1)),
          });
        }
      }
    }
    for (const view of childrenNamed(
      childNamed(doc.root, this.ns.main, "bookViews") ?? doc.root,
      this.ns.main,
      "workbookView",
    )) {
      let tag = doc.text.slice(view.start, view.openEnd);
      for (const attr of ["activeTab", "firstSheet"]) {
        const value = attributeOf(view, attr);
        if (value === undefined) continue;
        const n = Number(value);
        // A tab past the last sheet (activeTab 30 of one, as an exporter left it) names no sheet and is left as
        // it is, so that clearing gives the workbook part back as it was.
        if (n >= count) continue;
        // The sheets after the removed one move up; a removed active sheet hands over to its neighbour.
        const moved = n > index ? n - 1 : n === index ? Math.max(0, Math.min(n, count - 2)) : n;
        if (moved !== n) tag = setAttributeInTag(tag, attr, String(moved));
      }
      if (tag !== doc.text.slice(view.start, view.openEnd))
        edits.push({ start: view.start, end: view.openEnd, text: tag });
    }
    return edits;
  }

  /**
   * Gives the definedNames container back as it was before Duban first added to it (absent, or
   * self-closing), once it is empty again: the last step of clearing.
   */
  restoreDefinedNames(before: DefinedNamesBefore): void {
    if (!before) return;
    const doc = this.doc();
    const container = childNamed(doc.root, this.ns.main, "definedNames");
    if (!container || container.children.length > 0 || container.openEnd !== container.closeStart) return;
    const text = "absent" in before ? "" : before.selfClosing;
    this.pkg.setText(this.part, applyEdits(doc.text, [{ start: container.start, end: container.end, text }]));
  }

  /** Adds a defined name scoped to one sheet (print titles, the filter range). */
  addDefinedName(name: string, sheetIndex: number, value: string, hidden = false): void {
    const doc = this.doc();
    const existing = childNamed(doc.root, this.ns.main, "definedNames");
    const element = (p: string) =>
      `<${qualified(p, "definedName")}${attributesText([
        ["name", name],
        ["localSheetId", sheetIndex],
        ["hidden", hidden ? 1 : undefined],
      ])}>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</${qualified(p, "definedName")}>`;
    if (existing) {
      if (existing.selfClosing && this.definedNamesBefore === undefined) {
        this.definedNamesBefore = { selfClosing: doc.text.slice(existing.start, existing.end) };
      }
      this.pkg.setText(
        this.part,
        applyEdits(doc.text, appendInside(doc, existing, element(existing.prefix))),
      );
      return;
    }
    this.definedNamesBefore ??= { absent: true };
    const p = doc.root.prefix;
    const container = `<${qualified(p, "definedNames")}>${element(p)}</${qualified(p, "definedNames")}>`;
    const later = doc.root.children.find(
      (c) => c.uri === this.ns.main && AFTER_DEFINED_NAMES.includes(c.local),
    );
    let at: number;
    if (later) at = later.start;
    else {
      // After sheets (and functionGroups or externalReferences), as CT_Workbook orders them.
      const earlier = doc.root.children.filter(
        (c) => c.uri === this.ns.main && ["sheets", "functionGroups", "externalReferences"].includes(c.local),
      );
      at = earlier.length > 0 ? earlier[earlier.length - 1]!.end : doc.root.closeStart;
    }
    this.pkg.setText(this.part, applyEdits(doc.text, [{ start: at, end: at, text: container }]));
  }
}

/** A sheet's relationship id: r:id in either class's namespace (a strict file may say transitional). */
function relId(element: XmlElement): string {
  return (
    attributeOf(element, "id", TRANSITIONAL.relationships) ??
    attributeOf(element, "id", STRICT.relationships) ??
    ""
  );
}
