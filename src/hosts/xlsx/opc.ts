// The Open Packaging Conventions as a workbook uses them: relationships and their targets, the workbook
// part, and the package's conformance class (transitional or strict), whose namespaces every added part uses.

import type { OpcPackage } from "./package";
import { attributeOf, childrenNamed, parseXml, type XmlDocument, type XmlElement } from "./xml";

export type Conformance = "transitional" | "strict";

/** The namespaces of one conformance class that Duban writes with. */
export interface ClassNamespaces {
  readonly conformance: Conformance;
  /** SpreadsheetML's main namespace. */
  readonly main: string;
  /** The namespace of r:id attributes, and the stem of relationship types. */
  readonly relationships: string;
}

export const TRANSITIONAL: ClassNamespaces = {
  conformance: "transitional",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

/** As Excel writes Strict Open XML (ISO/IEC 29500 Strict). */
export const STRICT: ClassNamespaces = {
  conformance: "strict",
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

/** Relationships parts use the same namespace in both classes. */
export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** A relationship type of the class, by its last segment (worksheet, styles, sharedStrings, officeDocument). */
export const relationshipType = (ns: ClassNamespaces, kind: string) => `${ns.relationships}/${kind}`;

/** The last segment of a transitional or strict office relationship type; undefined for any other type. */
export function relationshipKind(type: string): string | undefined {
  for (const ns of [TRANSITIONAL, STRICT]) {
    if (type.startsWith(`${ns.relationships}/`)) return type.slice(ns.relationships.length + 1);
  }
  return undefined;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part the target names, without a leading slash; undefined for an external target. */
  readonly part: string | undefined;
  readonly element: XmlElement;
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; "" → _rels/.rels. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship's target as a part name: relative to the source part's folder (`worksheets/sheet1.xml`,
 * `./x`, `../x`) or absolute from the package root (`/xl/tables/table1.xml`), per RFC 3986; a query or
 * fragment is not part of the name.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = target.replace(/[?#].*$/, "");
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const piece of path.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

/** The relationships of `sourcePart` ("" for the package's own), parsed; none when it has no rels part. */
export function readRelationships(
  pkg: OpcPackage,
  sourcePart: string,
): { part: string; doc: XmlDocument | undefined; list: Relationship[] } {
  const part = relationshipsPartOf(sourcePart);
  if (!pkg.has(part)) return { part, doc: undefined, list: [] };
  const doc = parseXml(pkg.text(part), part);
  const list = childrenNamed(doc.root, PACKAGE_RELATIONSHIPS_NS, "Relationship").map((element) => {
    const target = attributeOf(element, "Target") ?? "";
    const external = attributeOf(element, "TargetMode") === "External";
    return {
      id: attributeOf(element, "Id") ?? "",
      type: attributeOf(element, "Type") ?? "",
      target,
      external,
      part: external ? undefined : resolveTarget(sourcePart, target),
      element,
    };
  });
  return { part, doc, list };
}

/** The first related part of an office relationship kind, as it is stored in the package. */
export function relatedPart(pkg: OpcPackage, sourcePart: string, kind: string): string | undefined {
  for (const rel of readRelationships(pkg, sourcePart).list) {
    if (rel.part !== undefined && relationshipKind(rel.type) === kind && pkg.has(rel.part)) {
      return pkg.storedName(rel.part);
    }
  }
  return undefined;
}

/** The workbook part, from the package's root relationships (xl/workbook.xml when they do not say). */
export function workbookPartOf(pkg: OpcPackage): string {
  return relatedPart(pkg, "", "officeDocument") ?? pkg.storedName("xl/workbook.xml") ?? "xl/workbook.xml";
}

/** The conformance class, from the workbook part's namespace (Strict's is purl.oclc.org's). */
export function classOf(workbook: XmlDocument): ClassNamespaces {
  return workbook.root.uri === STRICT.main ? STRICT : TRANSITIONAL;
}
