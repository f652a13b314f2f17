// Excel's pictures placed in cells (Insert → Pictures → Place in Cell, and IMAGE()): the cell is the error
// #VALUE! with value metadata (vm) naming a rich value whose structure is a picture. Followed here from the
// cell to the structure: vm → metadata.xml's valueMetadata → its futureMetadata XLRICHVALUE block → the rich
// value (rdrichvalue.xml) → its structure (rdrichvaluestructure.xml). Other rich values (linked data types
// such as Stocks) stay the error they are to a program that knows none.

import { readRelationships, type ClassNamespaces } from "../opc";
import type { OpcPackage } from "../package";
import { attributeOf, childNamed, childrenNamed, parseXml, type XmlElement } from "../xml";
import { XmlPartError } from "../xml-error";

const RICH_DATA = "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata";
/** The structures of a picture: one of the workbook's own (_localImage), one from the web (_webimage). */
const PICTURE_STRUCTURES: ReadonlySet<string> = new Set(["_localImage", "_webimage"]);

/**
 * The value metadata indexes (vm, 1-based) of the workbook's pictures placed in cells; none where it has no
 * rich values, or where those parts cannot be read (a picture then reads as the #VALUE! it is stored as).
 */
export function pictureValueMetadata(
  pkg: OpcPackage,
  workbookPart: string,
  ns: ClassNamespaces,
): ReadonlySet<number> {
  const rels = readRelationships(pkg, workbookPart).list;
  const partOf = (kind: string) => {
    const rel = rels.find((r) => r.type.endsWith(`/${kind}`) && r.part !== undefined && pkg.has(r.part));
    return rel ? pkg.storedName(rel.part!) : undefined;
  };
  const metadataPart = partOf("sheetMetadata");
  const valuesPart = partOf("rdRichValue");
  const structuresPart = partOf("rdRichValueStructure");
  const pictures = new Set<number>();
  if (!metadataPart || !valuesPart || !structuresPart) return pictures;
  try {
    const root = (part: string) => parseXml(pkg.text(part), part).root;
    const structures = childrenNamed(root(structuresPart), RICH_DATA, "s").map((s) => attributeOf(s, "t"));
    const values = childrenNamed(root(valuesPart), RICH_DATA, "rv").map((rv) => Number(attributeOf(rv, "s")));
    const metadata = root(metadataPart);
    const types = childrenNamed(
      childNamed(metadata, ns.main, "metadataTypes") ?? metadata,
      ns.main,
      "metadataType",
    );
    const future = childrenNamed(metadata, ns.main, "futureMetadata").find(
      (block) => attributeOf(block, "name") === "XLRICHVALUE",
    );
    const futureBlocks = future ? childrenNamed(future, ns.main, "bk") : [];
    const valueBlocks = childrenNamed(
      childNamed(metadata, ns.main, "valueMetadata") ?? metadata,
      ns.main,
      "bk",
    );
    valueBlocks.forEach((block, i) => {
      const record = childNamed(block, ns.main, "rc");
      const type = types[Number(record ? attributeOf(record, "t") : NaN) - 1];
      if (!record || !type || attributeOf(type, "name") !== "XLRICHVALUE") return;
      const value = richValueIndex(futureBlocks[Number(attributeOf(record, "v"))], ns);
      const structure = value === undefined ? undefined : structures[values[value]!];
      if (structure !== undefined && PICTURE_STRUCTURES.has(structure)) pictures.add(i + 1);
    });
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    pictures.clear();
  }
  return pictures;
}

/** The rich value a futureMetadata block names: extLst → ext → xlrd:rvb i. */
function richValueIndex(block: XmlElement | undefined, ns: ClassNamespaces): number | undefined {
  const list = block && childNamed(block, ns.main, "extLst");
  for (const ext of list ? childrenNamed(list, ns.main, "ext") : []) {
    const rvb = childNamed(ext, RICH_DATA, "rvb");
    const index = rvb === undefined ? NaN : Number(attributeOf(rvb, "i"));
    if (Number.isInteger(index) && index >= 0) return index;
  }
  return undefined;
}
