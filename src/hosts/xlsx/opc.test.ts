// The packaging conventions as the xlsx host applies them: relationship targets to part names, part names
// compared as OPC compares them, and relationship types of both conformance classes.

import { classOf, relationshipKind, relationshipsPartOf, resolveTarget, STRICT, TRANSITIONAL } from "./opc";
import { partKey } from "./package";
import { parseXml } from "./xml";

describe("resolveTarget", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "./worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml"],
    ["xl/worksheets/sheet1.xml", "../../customXml/item1.xml", "customXml/item1.xml"],
    ["xl/worksheets/sheet1.xml", "./../tables/./table1.xml", "xl/tables/table1.xml"],
    ["xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/workbook.xml", "worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"],
    // The package's own relationships (_rels/.rels) have the root as their folder.
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["", "/xl/workbook.xml", "xl/workbook.xml"],
    // A query or a fragment is no part of the part name.
    ["xl/workbook.xml", "worksheets/sheet1.xml?x=1", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "worksheets/sheet1.xml#frag", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/styles.xml?a=b#c", "xl/styles.xml"],
    // Above the root there is nothing more to go up to.
    ["xl/workbook.xml", "../../../styles.xml", "styles.xml"],
    // Encoding and case are kept as written; partKey compares them.
    ["xl/workbook.xml", "Worksheets/Sheet%201.xml", "xl/Worksheets/Sheet%201.xml"],
  ])("from %s, %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it("resolves an encoded, differently cased target to the same part key as the stored name", () => {
    expect(partKey(resolveTarget("xl/workbook.xml", "Worksheets/Sheet%201.xml"))).toBe(
      partKey("xl/worksheets/sheet 1.xml"),
    );
  });
});

describe("relationshipsPartOf", () => {
  it.each([
    ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"],
    ["xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"],
    ["", "_rels/.rels"],
  ])("%s → %s", (part, rels) => {
    expect(relationshipsPartOf(part)).toBe(rels);
  });
});

describe("partKey", () => {
  it.each([
    ["xl/workbook.xml", "xl/workbook.xml"],
    ["/xl/workbook.xml", "xl/workbook.xml"],
    ["//xl/workbook.xml", "xl/workbook.xml"],
    ["XL/Workbook.XML", "xl/workbook.xml"],
    ["/XL/WORKSHEETS/SHEET1.XML", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml"],
    ["xl/media/%E5%9B%BE.png", "xl/media/图.png"],
    ["xl/media/%e5%9b%be.PNG", "xl/media/图.png"],
    ["xl/media/图.png", "xl/media/图.png"],
    // A stray % that encodes nothing stays as it is.
    ["xl/media/100%.png", "xl/media/100%.png"],
    ["xl/media/%zz.png", "xl/media/%zz.png"],
  ])("%s → %s", (name, key) => {
    expect(partKey(name)).toBe(key);
  });

  it.each([
    ["[Content_Types].xml", "[content_types].xml"],
    ["xl/worksheets/sheet1.xml", "/XL/worksheets/Sheet1.xml"],
    ["xl/worksheets/sheet 1.xml", "xl/worksheets/sheet%201.xml"],
  ])("%s and %s are one part", (a, b) => {
    expect(partKey(a)).toBe(partKey(b));
  });

  it.each([
    ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet10.xml"],
    ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml.rels"],
    ["xl/a b.xml", "xl/a+b.xml"],
  ])("%s and %s are two parts", (a, b) => {
    expect(partKey(a)).not.toBe(partKey(b));
  });
});

describe("relationshipKind", () => {
  it.each([
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheet"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "officeDocument"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles"],
    ["http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet", "worksheet"],
    ["http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", "officeDocument"],
    ["http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings", "sharedStrings"],
    // Not office relationships of either class.
    ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", undefined],
    ["http://schemas.microsoft.com/office/2006/relationships/vbaProject", undefined],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationshipsX/worksheet", undefined],
    ["http://purl.oclc.org/ooxml/officeDocument/relationships", undefined],
    ["worksheet", undefined],
    ["", undefined],
  ])("%s → %s", (type, kind) => {
    expect(relationshipKind(type)).toBe(kind);
  });

  it("reads back the types each class writes", () => {
    for (const ns of [TRANSITIONAL, STRICT]) {
      for (const kind of ["worksheet", "styles", "sharedStrings", "officeDocument", "theme"]) {
        expect(relationshipKind(`${ns.relationships}/${kind}`)).toBe(kind);
      }
    }
  });
});

describe("classOf", () => {
  it.each([
    [`<workbook xmlns="${TRANSITIONAL.main}"/>`, TRANSITIONAL],
    [`<x:workbook xmlns:x="${TRANSITIONAL.main}"/>`, TRANSITIONAL],
    [`<workbook xmlns="${STRICT.main}"/>`, STRICT],
    [`<s:workbook xmlns:s="${STRICT.main}" xmlns="${TRANSITIONAL.main}"/>`, STRICT],
  ])("%s", (xml, ns) => {
    expect(classOf(parseXml(xml, "xl/workbook.xml"))).toBe(ns);
  });
});
